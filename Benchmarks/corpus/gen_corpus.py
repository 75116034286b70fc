#!/usr/bin/env python3
# A copy of ../shared/bench/gen_corpus.py (the shared benchmark corpus), kept here so the tests can
# build it on a machine without ../shared. Benchmarks/run.sh uses the shared original.
"""Generate a synthetic Japanese help-center corpus for build benchmarks.

usage: gen_corpus.py SITE_DIR N_ARTICLES [SEED]
Writes a site folder: SITE_DIR/site.yaml (title, base_url, language) and
SITE_DIR/content/kb/<category>/_index.md plus SITE_DIR/content/kb/<category>/<slug>.md,
each article Markdown with YAML front matter (title, summary, tags, date, updated, weight).
No templates/: the site builds with the default theme. Deterministic for a given seed.
"""
import os, random, sys, datetime

CATS = ["getting-started", "daily-report", "patients", "dashboard", "billing",
        "accounts", "troubleshooting", "faq", "integrations", "security"]
CAT_JA = ["はじめに", "日報登録", "患者分析", "ダッシュボード", "請求・レセプト",
          "アカウント管理", "トラブルシューティング", "よくある質問", "外部連携", "セキュリティ"]
NOUNS = ["日報", "患者", "施術", "予約", "ダッシュボード", "レポート", "スタッフ", "権限", "院",
         "KPI", "売上", "来院数", "再来率", "データ", "エクスポート", "CSV", "通知", "ログイン",
         "パスワード", "二要素認証", "ブラウザ", "スマートフォン", "タブレット", "保険", "レセプト",
         "カルテ", "問診票", "メニュー", "設定", "グラフ"]
VERBS = ["登録する", "確認する", "編集する", "削除する", "出力する", "共有する", "設定する",
         "分析する", "検索する", "印刷する", "更新する", "承認する"]
TAGS = ["初心者", "管理者", "スタッフ", "モバイル", "CSV", "権限", "日報", "KPI", "請求", "障害"]

def sentence(r):
    a, b = r.choice(NOUNS), r.choice(NOUNS)
    v = r.choice(VERBS)
    forms = [f"{a}の{b}を{v}には、画面右上のメニューから「{b}」を選択します。",
             f"{a}を{v}と、{b}に自動で反映されます（反映まで最大5分かかります）。",
             f"管理者権限がない場合は{a}を{v}ことができません。院長にお問い合わせください。",
             f"{b}の表示が崩れる場合は、ブラウザのキャッシュを削除してから再度{v}。",
             f"2026年4月以降、{a}は{b}と連動して集計されます。"]
    return r.choice(forms)

def para(r, n):
    return "".join(sentence(r) for _ in range(n))

def article(r, i, cat):
    a, v = r.choice(NOUNS), r.choice(VERBS)
    title = f"{a}を{v}方法（{i}）"
    d = datetime.date(2025, 1, 1) + datetime.timedelta(days=r.randrange(0, 690))
    tags = sorted(set(r.sample(TAGS, 2)))
    fm = ["---", f'title: "{title}"', f'summary: "{sentence(r)}"',
          f"tags: [{', '.join(tags)}]", f"date: {d.isoformat()}", f"updated: {d.isoformat()}",
          f"weight: {i}", "---", ""]
    body = [f"{para(r, 3)}", "", "## 手順", ""]
    for k in range(r.randint(3, 6)):
        body.append(f"{k+1}. {sentence(r)}")
    body += ["", "## 注意事項", "", f"> {sentence(r)}", "", "| 項目 | 内容 | 備考 |", "|---|---|---|"]
    for _ in range(r.randint(2, 5)):
        body.append(f"| {r.choice(NOUNS)} | {sentence(r)} | {r.choice(TAGS)} |")
    body += ["", "### 関連する設定", "", para(r, 4), "",
             "- " + sentence(r), "- " + sentence(r), "- [ ] " + sentence(r), "",
             "```text", f"エラーコード: E{r.randint(1000, 9999)}", "```", "",
             f"詳しくは[{r.choice(NOUNS)}のガイド](/kb/{r.choice(CATS)}/)を参照してください。**{r.choice(NOUNS)}**の設定は~~旧画面~~新画面から行います。", "",
             "## よくある質問", "", para(r, 5), ""]
    return "\n".join(fm + body)

def main():
    out, n = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
    r = random.Random(seed)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "site.yaml"), "w") as f:
        f.write('title: "ヘルプセンター（ベンチマーク）"\nbase_url: "https://help.example.com/"\nlanguage: ja\n')
    kb = os.path.join(out, "content", "kb")
    for c, ja in zip(CATS, CAT_JA):
        os.makedirs(os.path.join(kb, c), exist_ok=True)
        with open(os.path.join(kb, c, "_index.md"), "w") as f:
            f.write(f'---\ntitle: "{ja}"\nsummary: "{ja}に関する記事"\n---\n\n{ja}に関する記事の一覧です。\n')
    for i in range(n):
        c = CATS[i % len(CATS)]
        with open(os.path.join(kb, c, f"article-{i:05d}.md"), "w") as f:
            f.write(article(r, i, c))

if __name__ == "__main__":
    main()
