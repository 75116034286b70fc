import Testing
@testable import KairanCore

/// The theme's email CSS: what it parses to, how the inliner orders declarations, what stays in
/// `<style>`, and located errors for what it cannot read.
@Suite struct EmailStyleSheetTests {
    static let file = "templates/email/style.css"

    static func sheet(_ css: String) -> (EmailStyleSheet, [Diagnostic]) {
        let log = DiagnosticLog()
        let sheet = EmailStyleSheet.parse(css, file: file, log: log)
        return (sheet, log.items)
    }

    @Test func specificityThenSourceOrder() {
        let (sheet, problems) = Self.sheet("""
            p.note { color: #111; }
            .note { color: #222; font-weight: bold; }
            p { color: #333; margin: 0 0 16px; }
            p { margin-top: 4px; }
            """)
        #expect(problems.isEmpty)
        let html = sheet.inline(into: #"<p class="note">a</p><p>b</p><span class="note">c</span>"#)
        #expect(html == #"<p class="note" style="margin:0 0 16px;margin-top:4px;font-weight:bold;color:#111">a</p>"#
            + #"<p style="color:#333;margin:0 0 16px;margin-top:4px">b</p>"#
            + #"<span class="note" style="color:#222;font-weight:bold">c</span>"#)
    }

    @Test func existingStyleWinsAndKeepsItsPlace() {
        let (sheet, _) = Self.sheet("td { padding: 8px; color: red } td.cell { color: blue }")
        let html = sheet.inline(into: #"<td class="cell" style="color: green" width="50%">x</td>"#)
        #expect(html == #"<td class="cell" style="padding:8px;color:green" width="50%">x</td>"#)
    }

    @Test func importantSheetDeclarationBeatsInlineStyle() {
        let (sheet, _) = Self.sheet("a { color: #0a58ca !important; }")
        #expect(sheet.inline(into: #"<a href="/x" style="color:red">x</a>"#)
            == #"<a href="/x" style="color:#0a58ca !important">x</a>"#)
    }

    @Test func descendantPairMatchesOnlyInside() {
        let (sheet, problems) = Self.sheet("td.content p { line-height: 1.7 }")
        #expect(problems.isEmpty)
        let html = sheet.inline(into: #"<p>out</p><table><tr><td class="content"><div><p>in</p></div></td></tr></table><p>after</p>"#)
        #expect(html == #"<p>out</p><table><tr><td class="content"><div><p style="line-height:1.7">in</p></div></td></tr></table><p>after</p>"#)
    }

    @Test func valuesAreEscapedForTheAttribute() {
        let (sheet, _) = Self.sheet(#"body { font-family: "Hiragino Sans", 'Meiryo', sans-serif; }"#)
        #expect(sheet.inline(into: "<body>x</body>")
            == #"<body style="font-family:&quot;Hiragino Sans&quot;, &#39;Meiryo&#39;, sans-serif">x</body>"#)
    }

    @Test func styleScriptAndCommentsAreLeftAlone() {
        let (sheet, _) = Self.sheet("p { color: red } img { border: 0 }")
        let html = """
            <!DOCTYPE html><html><head><style>p { color: blue } <p></style></head>\
            <body><!--[if mso]><p>mso</p><![endif]--><p>x &amp; y</p><img src="a.png" alt="" /><br></body></html>
            """
        #expect(sheet.inline(into: html) == """
            <!DOCTYPE html><html><head><style>p { color: blue } <p></style></head>\
            <body><!--[if mso]><p>mso</p><![endif]--><p style="color:red">x &amp; y</p><img src="a.png" alt="" style="border:0" /><br></body></html>
            """)
    }

    @Test func mediaAndOtherAtRulesAreKeptVerbatim() {
        let css = """
            /* Layout */
            body { margin: 0 }
            @media (max-width: 600px) {
              .container { width: 100% !important; }
            }
            @media (prefers-color-scheme: dark) { body { background: #111 } }
            p { color: #333 }
            """
        let (sheet, problems) = Self.sheet(css)
        #expect(problems.isEmpty)
        #expect(sheet.keptCSS == """
            @media (max-width: 600px) {
              .container { width: 100% !important; }
            }
            @media (prefers-color-scheme: dark) { body { background: #111 } }
            """)
        #expect(sheet.rules.map(\.selector.description) == ["body", "p"])
        // Rules inside @media are not inlined.
        #expect(sheet.inline(into: #"<div class="container">x</div>"#) == #"<div class="container">x</div>"#)
    }

    @Test func unsupportedSelectorIsLocated() {
        let (sheet, problems) = Self.sheet("p { color: red }\n\nh1,\n  a:hover { color: blue }\n.ok { margin: 0 }\n")
        #expect(problems.map { "\($0.location)" } == ["\(Self.file):4:3"])
        #expect(problems.first?.message == "selector `a:hover` cannot be inlined")
        #expect(problems.first?.hint.contains("@media") == true)
        // The broken rule is left out; the others stay.
        #expect(sheet.rules.map(\.selector.description) == ["p", ".ok"])
    }

    @Test func declarationErrorsAreLocatedOncePerMistake() {
        let (_, problems) = Self.sheet("p {\n  color red;\n  margin: ;\n}\ntd { padding: 4px\n")
        #expect(problems.map { "\($0.location): \($0.message)" } == [
            "\(Self.file):2:3: expected `:` after `color red`",
            "\(Self.file):3:3: property `margin` has no value",
            "\(Self.file):5:4: the rule's `{` is never closed",
        ])
        #expect(problems.allSatisfy { !$0.hint.isEmpty })
    }

    @Test func unclosedCommentAndMediaAndImportAreLocated() {
        #expect(Self.sheet("p { color: red }\n/* open").1.map { "\($0.location)" } == ["\(Self.file):2:1"])
        #expect(Self.sheet("@media screen {\n  p { color: red }\n").1.map { "\($0.location): \($0.message)" }
            == ["\(Self.file):1:1: the block of `@media` is never closed"])
        #expect(Self.sheet("  @import url(https://example.com/a.css);").1.map { "\($0.location)" } == ["\(Self.file):1:3"])
        #expect(Self.sheet("p { color: red }\n@media print { p::after { content: \"</style>\" } }").1.map { "\($0.location)" }
            == ["\(Self.file):2:1"])
    }

    @Test func largeDocumentIsInlinedQuickly() {
        let (sheet, _) = Self.sheet((0..<40).map { "p.c\($0) { color: #\($0 % 10)\($0 % 10)\($0 % 10) }" }.joined(separator: "\n") + " p { margin: 0 }")
        let html = String(repeating: #"<p class="c7">整骨院クラウドのお知らせです。</p>"#, count: 2000)  // ~130 KB
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = sheet.inline(into: html) }
        #expect(elapsed < .seconds(2))
    }
}
