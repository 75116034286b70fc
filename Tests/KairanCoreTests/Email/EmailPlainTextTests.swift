import Testing
@testable import KairanCore

/// The text/plain alternative: block layout, numbered links, skipped elements, and wrapping at
/// 76 display columns with kinsoku.
@Suite struct EmailPlainTextTests {
    static func columns(_ line: Substring) -> Int { DisplayWidth.of(line) }

    @Test func blocksAndNumberedLinks() {
        let html = """
            <html><head><title>T</title><style>p{}</style></head><body>
            <div data-text="skip" style="display:none">プレヘッダー</div>
            <h1>週次ステータスレポート</h1>
            <h2>システム稼働状況</h2>
            <p>稼働率は <strong>99.98%</strong> でした。<a href="https://example.com/status">詳細</a>は
            こちら。<br>次の行</p>
            <ul><li>一つ目</li><li><a href="https://example.com/status">同じリンク</a></li></ul>
            <ol start="3"><li>三</li></ol>
            <blockquote><p>引用です</p></blockquote>
            <table><thead><tr><th>指標</th><th>値</th></tr></thead><tbody><tr><td>稼働率</td><td>99.98%</td></tr></tbody></table>
            <table><tr><td>A</td><td>B</td><td>C</td></tr></table>
            <hr>
            <p><img src="https://example.com/logo.png" alt="整骨院クラウド" width="120" height="30"> &amp; <a href="https://example.com/help">https://example.com/help</a></p>
            <table role="presentation"><tr><td class="button"><a href="https://example.com/more">詳しく見る</a></td></tr></table>
            <!-- comment -->
            </body></html>
            """
        #expect(EmailPlainText.render(html: html) == """
            週次ステータスレポート
            ＝＝＝＝＝＝＝＝＝＝＝

            ■ システム稼働状況

            稼働率は 99.98% でした。詳細 [1] はこちら。
            次の行

            ・一つ目
            ・同じリンク [1]

            3. 三

            > 引用です

            指標 | 値
            稼働率: 99.98%

            A | B | C

            ──────────────────────────────────────

            整骨院クラウド & https://example.com/help

            詳しく見る [2]

            [1] https://example.com/status
            [2] https://example.com/more

            """)
    }

    @Test func wrapsAtDisplayColumnsWithoutBreakingURLsOrWords() {
        let url = "https://help.example.com/customers/reports/weekly/2026-W47/very/long/path/that/is/longer/than/the/line.html"
        let text = String(repeating: "整骨院クラウドの週次レポートをお届けします。", count: 4)
            + " Release notes mention internationalization and the \(url) page, "
            + String(repeating: "予約画面の表示が遅延しましたが、現在は復旧しています。", count: 3)
        let lines = PlainTextWrapper.wrap(text, width: 76)
        #expect(lines.count > 4)
        for line in lines where !line.contains(url) { #expect(Self.columns(line[...]) <= 76, "\(line)") }
        #expect(lines.contains(url), "the URL is on a line of its own")
        for word in ["Release", "notes", "internationalization", "page,"] {
            #expect(lines.contains { $0.split(separator: " ").contains(Substring(word)) }, "\(word) stays whole")
        }
        #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "nothing lost")
    }

    @Test func kinsokuKeepsPunctuationOffLineStartsAndOpeningBracketsOffLineEnds() {
        // 37 wide characters fill 74 columns; the 38th decides where the next line starts.
        let base = String(repeating: "あ", count: 37)
        for (tail, forbiddenStart) in [("い。う", "。"), ("い」う", "」"), ("いーう", "ー"), ("いっう", "っ")] {
            let lines = PlainTextWrapper.wrap(base + tail, width: 76)
            #expect(lines.count == 2)
            #expect(lines.allSatisfy { !$0.hasPrefix(forbiddenStart) }, "\(lines)")
            #expect(lines.allSatisfy { Self.columns($0[...]) <= 76 })
        }
        let opening = PlainTextWrapper.wrap(String(repeating: "あ", count: 37) + "「いう」", width: 76)
        #expect(opening.allSatisfy { !$0.hasSuffix("「") }, "\(opening)")
        #expect(opening[1].hasPrefix("「"))
    }

    @Test func longLatinWordStaysWholeOnItsOwnLine() {
        let word = String(repeating: "x", count: 90)
        #expect(PlainTextWrapper.wrap("前 \(word) 後", width: 76) == ["前", word, "後"])
    }

    @Test func softLineBreakBetweenJapaneseLeavesNoSpace() {
        #expect(PlainTextReader.normalized("一行目の文\n二行目") == "一行目の文二行目")
        #expect(PlainTextReader.normalized("word\nnext  日本") == "word next 日本")
        #expect(PlainTextReader.normalized("a\u{2028}  b\u{200C}") == "a\nb")
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("整骨院") == 6)
        #expect(DisplayWidth.of("ｱ") == 1)  // half-width katakana
        #expect(DisplayWidth.of("Ａ１") == 4)  // full-width Latin
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("が") == 2)
    }

    @Test func everyLineOfARenderedEmailFits() {
        let paragraph = "<p>" + String(repeating: "整骨院クラウドは、院の予約・会計・カルテをまとめて管理できるサービスです（2026年11月時点）。", count: 5) + "</p>"
        let text = EmailPlainText.render(html: "<body>" + String(repeating: paragraph, count: 3) + "<ul><li>" + paragraph + "</li></ul></body>")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        for line in lines {
            #expect(Self.columns(line) <= 76, "\(line)")
            #expect(!line.hasPrefix("、") && !line.hasPrefix("。") && !line.hasPrefix("）") && !line.hasSuffix("（"), "\(line)")
        }
    }
}
