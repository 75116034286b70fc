import Foundation
import Testing
@testable import KairanCore

/// The mailed publications of the fixture site: which issues exist, when each is sent, what the
/// weekly report computes, and what the build refuses.
@Suite struct PublicationTests {
    static func build(_ files: [String: String] = PublicationFixture.files, date: String = PublicationFixture.buildDate)
        async -> (BuildResult, MemoryFileSystem) {
        await TestSupport.build(files, date: date)
    }

    static func text(_ fs: MemoryFileSystem, _ path: String) -> String { fs.text("out/" + path) ?? "" }

    /// The outbox's messages by `<kind>/<id>`.
    static func outbox(_ fs: MemoryFileSystem) throws -> [String: [String: Any]] {
        let data = Data(text(fs, "email/outbox.json").utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let messages = try #require(root["messages"] as? [[String: Any]])
        var result: [String: [String: Any]] = [:]
        for message in messages { result["\(message["kind"] ?? "")/\(message["id"] ?? "")"] = message }
        return result
    }

    @Test func theFixtureBuildsCleanly() async {
        let (result, _) = await Self.build()
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
    }

    @Test func weeklyReportsAreScheduledOnFridayAndMovedOffAHolidayFriday() async throws {
        let (result, fs) = await Self.build()
        let plan = result.plan
        let weekly = plan.outputs.filter { $0.audience == .email && $0.path.hasPrefix("weekly/") && $0.path.hasSuffix(".eml") }.map(\.path)
        // From the first note's week (W44) through the build date, every scheduled Friday.
        #expect(weekly == (44...53).map { "weekly/2026-W\($0).eml" })
        let outbox = try Self.outbox(fs)
        // 2027-01-01 is a holiday (元日) and a Friday: policy `previous` sends on Thursday 12-31.
        #expect(outbox["weekly/2026-W53"]?["send_at"] as? String == "2026-12-31T17:00:00+09:00")
        #expect(outbox["weekly/2026-W53"]?["subject"] as? String == "【テスト】週次ステータスレポート（2026年12月28日〜2027年1月3日）")
        #expect(outbox["weekly/2026-W47"]?["send_at"] as? String == "2026-11-20T17:00:00+09:00")
        #expect(outbox["weekly/2026-W47"]?["message_id"] as? String == "<weekly.2026-W47@help.example.com>")
        // Weeks without a note build, with one warning each.
        let missing = result.diagnostics.filter { $0.message.contains("has no note") }
        #expect(missing.count == 7, "\(missing)")
        #expect(missing.first?.location.file == "content/reports/weekly/2026-W45.md")
    }

    @Test func theP0WeekPutsTheP0FirstWithItsDurationAndTheUptimeAgainstTheTarget() async throws {
        let (_, fs) = await Self.build()
        let html = Self.text(fs, "customers/reports/weekly/2026-W44/index.html")
        let p0 = try #require(html.range(of: "全院でログインできない"))
        let p2 = try #require(html.range(of: "通知メールの遅延"))
        #expect(p0.lowerBound < p2.lowerBound, "the P0 comes first")
        #expect(html.contains("10月27日（火）08:52〜09:33（41分）"))
        #expect(html.contains("DNSの設定不備により"))
        // (6 × 100 + 97.15) / 7 = 99.592…
        #expect(html.contains("<strong>99.59%</strong>（目標 99.9%） 目標未達"), "\(html)")
    }

    @Test func theQuietWeekListsResolvedFeedbackCompletedWorkKnownIssuesAndNextWeek() async throws {
        let (_, fs) = await Self.build()
        let html = Self.text(fs, "customers/reports/weekly/2026-W47/index.html")
        #expect(html.contains("<strong>99.99%</strong>（目標 99.9%） ✓ 目標達成"), "\(html)")
        #expect(html.contains("今週、障害は発生しませんでした。"))
        #expect(html.contains("<li>予約をまとめて動かしたい<br><span class=\"meta\">→ 予約の一括変更に対応しました</span> <a href=\"https://help.example.com/releases/2.0.0/\">v2.0.0 予約の一括変更</a></li>"), "\(html)")
        #expect(!html.contains("印刷のレイアウトを変えたい"), "open feedback is not listed as resolved")
        #expect(html.contains("<li>予約の一括変更（<a href=\"https://help.example.com/releases/2.0.0/\">v2.0.0 予約の一括変更</a>）</li>"))
        #expect(html.contains("<strong>一部の端末で表示が崩れる</strong>（対応中）<br>回避策: 画面を再読み込みしてください。<br><a href=\"https://help.example.com/kb/help/login/\">ログインできないとき</a>"))
        #expect(!html.contains("古い問題"), "fixed known issues are not listed")
        // Next week: the holiday of 11-23, the maintenance window.
        #expect(html.contains("<li><strong>11月23日（月）</strong> 休業日: 勤労感謝の日（サポート窓口はお休みです）</li>"), "\(html)")
        #expect(html.contains("<li><strong>11月26日（木）02:00〜03:00</strong> メンテナンス: 定期メンテナンス</li>"))
    }

    @Test func newslettersReleasesAndDigestsArePlanned() async throws {
        let (result, fs) = await Self.build()
        let plan = result.plan
        let emails = Set(plan.outputs.filter { $0.audience == .email && $0.path.hasSuffix(".eml") }.map(\.path))
        #expect(emails.contains("newsletter/2026-12.eml"))
        #expect(emails.contains("release/2.0.0.eml"), "majors are mailed")
        #expect(emails.contains("release/2.0.1.eml"), "a hotfix with email: true is mailed")
        #expect(emails.filter { $0.hasPrefix("digest/") }.count == 8)
        let newsletter = Self.text(fs, "customers/newsletters/2026-12/index.html")
        #expect(newsletter.contains("新機能紹介（2026年11月のリリース）"))
        #expect(newsletter.contains("<a href=\"https://help.example.com/kb/help/login/\">ログインできないとき</a>"), "the tips are the articles tagged tips")
        #expect(newsletter.contains("12月16日（水）15:00〜16:00"), "this month's webinar")
        let feed = Self.text(fs, "customers/reports/weekly/atom.xml")
        #expect(feed.contains("<id>tag:portal.example.com,2026:weekly/2026-W53</id>"))
        let lists = try Self.outbox(fs)["weekly/2026-W47"]?["lists"] as? [[String: String]]
        #expect(lists == [["address": "admins@lists.example.com", "name": "院長・管理者"], ["address": "hq@lists.example.com", "name": "グループ本部"]])
        #expect(try Self.outbox(fs)["digest/2026-W49"]?["lists"] as? [[String: String]] == [["address": "team@example.com", "name": "運営チーム"]])
    }

    /// Internal values reach the team digest and nothing a customer or the public can read.
    @Test func internalFieldsReachOnlyTheTeamDigest() async throws {
        let (_, fs) = await Self.build()
        var checked = 0
        for path in fs.paths where path.hasPrefix("out/") && !path.hasPrefix("out/.kairan") {
            let file = String(path.dropFirst("out/".count))
            let text = fs.text(path) ?? ""
            let isDigest = file.hasPrefix("email/digest/")
            let isInternal = file.hasPrefix("internal/")
            guard !isDigest, !isInternal, !file.hasSuffix(".eml") else { continue }
            checked += 1
            for canary in PublicationFixture.canaries {
                #expect(!text.contains(canary), "\(canary) in \(file)")
            }
        }
        #expect(checked > 20)
        // The message files are base64: their parts are the .html and .txt beside them, checked above;
        // the headers are plain.
        for path in fs.paths where path.hasSuffix(".eml") && !path.contains("/digest/") {
            for canary in PublicationFixture.canaries { #expect(!(fs.text(path) ?? "").contains(canary)) }
        }
        // The digest of the Monday after INC-3 and FB-2.
        let digest = Self.text(fs, "email/digest/2026-W49.html") + Self.text(fs, "email/digest/2026-W48.html")
        #expect(digest.contains("CANARY-NOTES") && digest.contains("canary-postmortem.example.net") && digest.contains("CANARY-CLINIC"),
                "the digest shows internal fields, so the canaries can be found")
    }

    @Test func imagesInANoteBecomeTheirAltTextInTheEmail() async {
        var files = PublicationFixture.files
        files["site/content/reports/weekly/2026-W47.md"] = "---\nsummary: 画像\n---\n新しい画面です。\n\n![予約の一括変更の画面](https://example.com/screen.png)\n"
        let (result, fs) = await Self.build(files)
        #expect(!result.failed)
        #expect(result.diagnostics.contains { $0.message.hasPrefix("images in a note are shown on the archive page only") })
        let html = Self.text(fs, "email/weekly/2026-W47.html")
        #expect(!html.contains("<img"), "\(html)")
        #expect(html.contains("［画像: 予約の一括変更の画面］"))
        #expect(Self.text(fs, "customers/reports/weekly/2026-W47/index.html").contains("<img src=\"https://example.com/screen.png\""))
    }

    @Test func anAudienceWithoutAListGetsNoEmailAndAWarning() async {
        var files = PublicationFixture.files
        files["site/content/data/recipients.yaml"] = "lists:\n  all-users:\n    - address: users@lists.example.com\n      name: 皆さま\n"
        let (result, fs) = await Self.build(files)
        #expect(!result.failed)
        let warnings = result.diagnostics.filter { $0.message.hasPrefix("no mailing list for") }.map(\.message)
        #expect(warnings == ["no mailing list for `clinic-admins`: the weekly emails are not built", "no mailing list for `team`: the digest emails are not built"])
        #expect(fs.text("out/email/weekly/2026-W47.eml") == nil)
        #expect(fs.text("out/email/newsletter/2026-12.eml") != nil)
        #expect(!Self.text(fs, "email/outbox.json").contains("\"weekly\""))
        #expect(fs.text("out/customers/reports/weekly/2026-W47/index.html") != nil, "the archive is built all the same")
    }

    @Test func siteLinksInANoteAreAbsoluteInTheEmail() async {
        var files = PublicationFixture.files
        files["site/content/reports/weekly/2026-W47.md"] = "---\nsummary: 先週\n---\n[先週の障害のご報告](/reports/weekly/2026-W44/)をご覧ください。\n"
        let (result, fs) = await Self.build(files)
        #expect(!result.failed, "\(result.diagnostics)")
        #expect(Self.text(fs, "email/weekly/2026-W47.html").contains("href=\"https://portal.example.com/reports/weekly/2026-W44/\""))
        #expect(Self.text(fs, "email/weekly/2026-W47.txt").contains("https://portal.example.com/reports/weekly/2026-W44/"))
        #expect(Self.text(fs, "customers/reports/weekly/2026-W47/index.html").contains("href=\"/reports/weekly/2026-W44/\""))
    }

    @Test func anOverSizeEmailFailsTheBuild() async {
        var files = PublicationFixture.files
        files["site/content/reports/weekly/2026-W47.md"] = "---\nsummary: 長い\n---\n" + String(repeating: "長い段落です。", count: 6000) + "\n"
        let (result, _) = await Self.build(files)
        #expect(result.failed)
        let error = result.diagnostics.first { $0.severity == .error }
        #expect(error?.message.contains("over the 100 KB limit") == true, "\(result.diagnostics)")
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 1, "one mistake, one error")
    }

    @Test func statusDataErrorsAreLocated() async {
        var files = PublicationFixture.files
        files["site/content/data/incidents.yaml"] = """
            incidents:
              - id: INC-1
                priority: P5
                start: 2026-10-26 10:00
                status: resolved
                impact: 遅延
                summery: 誤字
            """
        files["site/content/data/feedback.yaml"] = """
            feedback:
              - id: FB-1
                received: 2026-11-02
                channel: fax
                summary: 要望
                status: open
              - id: FB-2
                received: 2026-11-02
                channel: email
                summary: 要望
                status: open
                backlog: BL-404
            """
        let (result, _) = await Self.build(files)
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("content/data/incidents.yaml:3:15: error: `priority` must be one of P0, P1, P2, P3") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/data/incidents.yaml:4:12: error: `start` must be a date and time") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/data/incidents.yaml:7:5: error: unknown key `summery`") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/data/feedback.yaml:4:14: error: `channel` must be one of") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("content/data/feedback.yaml:12:14: error: feedback `FB-2` links backlog item `BL-404`") }, "\(errors)")
    }
}

/// The fixture's weekly reports, the P0 week and the holiday-Friday week, as their text
/// alternatives and headers, byte for byte. Set KAIRAN_UPDATE_GOLDEN=1 to rewrite them.
@Suite struct PublicationGoldenTests {
    static let folder = TestSupport.fixtures + "/publications"
    static let files = ["weekly/2026-W44.txt", "weekly/2026-W47.txt", "weekly/2026-W53.txt", "newsletter/2026-12.txt", "release/2.0.1.txt",
                        "digest/2026-W49.txt"]

    @Test func textPartsMatchTheirGoldenFiles() async throws {
        let (_, fs) = await PublicationTests.build()
        for file in Self.files {
            let produced = PublicationTests.text(fs, "email/" + file)
            let path = Self.folder + "/" + file.replacingOccurrences(of: "/", with: "-")
            if ProcessInfo.processInfo.environment["KAIRAN_UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
                try produced.write(toFile: path, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOfFile: path, encoding: .utf8)
            #expect(produced == expected, "\(file) differs from \(path)")
        }
    }

    /// The headers of a message: everything before the first empty line.
    @Test func headersOfTheHolidayWeekReport() async throws {
        let (_, fs) = await PublicationTests.build()
        let eml = PublicationTests.text(fs, "email/weekly/2026-W53.eml")
        let headers = try #require(eml.components(separatedBy: "\r\n\r\n").first)
        #expect(headers.hasPrefix("Date: Thu, 31 Dec 2026 17:00:00 +0900\r\n"), "\(headers)")
        #expect(headers.contains("\r\nMessage-ID: <weekly.2026-W53@help.example.com>\r\n"))
        #expect(headers.contains("<admins@lists.example.com>,\r\n"))
        #expect(headers.contains("\r\nList-Unsubscribe: <https://example.com/unsubscribe>\r\n"))
        #expect(!headers.utf8.contains { $0 >= 0x80 }, "no raw 8-bit header bytes")
    }
}
