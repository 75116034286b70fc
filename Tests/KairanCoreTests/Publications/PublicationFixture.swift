@testable import KairanCore

/// A small site with everything the publications read: a week with a P0 incident (2026-W44), a
/// quiet week (2026-W47) and a week whose Friday is a holiday (2026-W53: 2027-01-01 is 元日, so
/// the report goes out on Thursday 2026-12-31). Built on 2026-12-31.
enum PublicationFixture {
    static let buildDate = "2026-12-31"

    /// Internal values planted in every internal field (canary test).
    static let canaries = ["CANARY-NOTES", "canary-postmortem.example.net", "CANARY-CLINIC", "CANARY-OWNER", "CANARY-REQUESTER",
                           "CANARY-BACKLOG-NOTES"]

    static var files: [String: String] {
        [
            "site/site.yaml": """
                title: テストヘルプ
                base_url: https://help.example.com/
                customers_base_url: https://portal.example.com/
                copyright: © 2026 テスト運営
                mail:
                  from: テスト サポート <support@example.com>
                  reply_to: support@example.com
                  subject_prefix: 【テスト】
                  list_unsubscribe: https://example.com/unsubscribe
                schedule:
                  items:
                    - id: weekly-report
                      title: 週次ステータスレポート
                      kind: weekly-report
                      rule: weekly fri
                      time: "17:00"
                      policy: previous
                      audience: customers
                    - id: newsletter
                      title: ニュースレター
                      kind: newsletter
                      rule: monthly business-day 1
                      time: "10:00"
                      audience: public
                    - id: webinar
                      title: 顧客向けウェビナー
                      kind: webinar
                      rule: monthly 3rd wed
                      time: "15:00"
                      duration: 60
                      audience: customers
                      url: https://example.com/webinar
                    - id: weekly-review
                      title: 週次レビュー
                      kind: review
                      rule: weekly mon
                      time: "10:00"
                      duration: 60
                      audience: internal
                """,
            "site/content/kb/help/_index.md": "---\ntitle: ヘルプ\n---\n",
            "site/content/kb/help/login.md": "---\ntitle: ログインできないとき\nsummary: ログインの確認手順\ntags: [tips]\ndate: 2026-10-01\n---\n本文。\n",
            "site/content/kb/help/export.md": "---\ntitle: CSVを書き出す\nsummary: 書き出しの手順\ndate: 2026-10-02\n---\n本文。\n",
            "site/content/releases/v2.0.0.md": """
                ---
                version: "2.0.0"
                date: 2026-11-10
                type: major
                title: 予約の一括変更
                summary: 予約をまとめて変更できるようになりました。
                highlights: [予約の一括変更]
                backlog: [BL-1]
                ---
                ## 新機能

                - 予約をまとめて変更できます。詳しくは[ログインできないとき](../kb/help/login.md)をご覧ください。
                """,
            "site/content/releases/v2.0.1.md": """
                ---
                version: "2.0.1"
                date: 2026-11-20
                type: hotfix
                title: 書き出しの修正
                email: true
                ---
                ## 修正内容

                - CSVの文字化けを修正しました。
                """,
            "site/content/data/kpis.yaml": """
                kpis:
                  - id: uptime
                    name: 稼働率
                    group: system
                    unit: "%"
                    target: ">= 99.9"
                    alert: "< 99.5"
                    direction: higher
                    frequency: daily
                    method: 監視
                    review: weekly
                    audience: customers
                """,
            "site/content/data/metrics/uptime.csv": "date,value\n"
                + stride(from: 0, to: 80, by: 1).map { offset -> String in
                    let day = CivilDate(iso: "2026-10-19")!.adding(days: offset)
                    let value = day.iso == "2026-10-27" ? "97.15" : (day.iso == "2026-11-18" ? "99.97" : "100.00")
                    return "\(day.iso),\(value)\n"
                }.joined(),
            "site/content/data/backlog.yaml": """
                items:
                  - id: BL-1
                    title: 予約の一括変更
                    category: Feature
                    priority: High
                    estimate: M
                    value: 8
                    owner: CANARY-OWNER
                    horizon: short-term
                    due: 2026-11-10
                    status: done
                    done_on: 2026-11-18
                    requested_by: [CANARY-REQUESTER]
                    notes: CANARY-BACKLOG-NOTES
                """,
            "site/content/data/incidents.yaml": """
                incidents:
                  - id: INC-1
                    priority: P2
                    start: 2026-10-26T10:00
                    end: 2026-10-26T10:20
                    status: resolved
                    impact: 通知メールの遅延
                    clinics_affected: 3
                    summary: 通知メールが遅れて届きました。
                    internal_notes: CANARY-NOTES
                    postmortem: https://canary-postmortem.example.net/INC-1
                  - id: INC-2
                    priority: P0
                    start: 2026-10-27T08:52
                    end: 2026-10-27T09:33
                    status: resolved
                    impact: 全院でログインできない
                    clinics_affected: 44
                    summary: DNSの設定不備により、全院でログインできない状態が41分続きました。
                    internal_notes: CANARY-NOTES
                    postmortem: https://canary-postmortem.example.net/INC-2
                  - id: INC-3
                    priority: P3
                    start: 2026-11-24T13:00
                    end: 2026-11-24T13:05
                    status: resolved
                    impact: 検索の遅延
                    clinics_affected: 1
                    summary: 検索が遅くなりました。
                    internal_notes: CANARY-NOTES
                    postmortem: https://canary-postmortem.example.net/INC-3
                  - id: MNT-1
                    kind: maintenance
                    start: 2026-11-26T02:00
                    end: 2026-11-26T03:00
                    status: scheduled
                    impact: 定期メンテナンス
                    summary: 数値の更新を停止します。
                """,
            "site/content/data/feedback.yaml": """
                feedback:
                  - id: FB-1
                    received: 2026-11-02
                    channel: chat
                    clinic: CANARY-CLINIC
                    summary: 予約をまとめて動かしたい
                    status: resolved
                    resolved_on: 2026-11-18
                    backlog: BL-1
                    release: "2.0.0"
                    response: 予約の一括変更に対応しました
                  - id: FB-2
                    received: 2026-11-17
                    channel: phone
                    clinic: CANARY-CLINIC
                    summary: 印刷のレイアウトを変えたい
                    status: open
                """,
            "site/content/data/known_issues.yaml": """
                known_issues:
                  - id: KI-1
                    title: 一部の端末で表示が崩れる
                    since: 2026-11-02
                    status: open
                    workaround: 画面を再読み込みしてください。
                    article: help/login
                  - id: KI-2
                    title: 古い問題
                    since: 2026-09-01
                    status: fixed
                    fixed_in: "2.0.1"
                """,
            "site/content/data/recipients.yaml": """
                lists:
                  clinic-admins:
                    - address: admins@lists.example.com
                      name: 院長・管理者
                    - address: hq@lists.example.com
                      name: グループ本部
                  all-users:
                    - address: users@lists.example.com
                      name: ご利用者の皆さま
                  team:
                    - address: team@example.com
                      name: 運営チーム
                """,
            "site/content/reports/weekly/2026-W44.md": "---\nsummary: 10月27日に全院でログインできない障害がありました。\n---\n障害についてお詫び申し上げます。\n",
            "site/content/reports/weekly/2026-W47.md": "---\nsummary: 今週は安定稼働しました。\n---\n今週は予約の一括変更をお届けしました。\n",
            "site/content/reports/weekly/2026-W53.md": "---\nsummary: 年内最後のレポートです。\n---\n今年もありがとうございました。\n",
            "site/content/newsletters/2026-12.md": "---\ndate: 2026-12-01\ntitle: テスト通信 12月号\nsummary: 11月のまとめ\n---\n## 今月のハイライト\n\n予約の一括変更が使えるようになりました。\n",
        ]
    }
}
