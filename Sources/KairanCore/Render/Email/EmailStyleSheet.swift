/// The theme's one style definition for email (`templates/email/style.css`), read into what
/// Kairan can inline on elements and what must stay in the head's `<style>`.
///
/// Pure value: parse it from text with ``parse(_:file:log:)``, apply it to HTML with ``inline(into:)``.
public struct EmailStyleSheet: Sendable, Equatable {
    /// One `property: value` pair, the property lowercased, the value as written (spaces collapsed).
    public struct Declaration: Hashable, Sendable {
        public var property: String
        public var value: String
        /// Whether the value ended with `!important` (kept in ``value``).
        public var important: Bool

        public init(property: String, value: String, important: Bool = false) {
            self.property = property
            self.value = value
            self.important = important
        }
    }

    /// One selector with the declarations of its rule; a rule with a selector list gives one per selector.
    public struct Rule: Hashable, Sendable {
        public var selector: EmailSelector
        public var declarations: [Declaration]
        /// The rule's place in the sheet, for "later wins" among equal specificities.
        public var order: Int
    }

    /// The largest ``keptCSS`` the issue allows in the head's `<style>`, in UTF-8 bytes.
    public static let keptCSSLimit = 16 * 1024

    /// The rules to inline, in source order.
    public var rules: [Rule]
    /// `@media` blocks and other at-rules, verbatim and in source order, joined by newlines: the
    /// contents of the one `<style>` element in the email's head (empty when there are none).
    public var keptCSS: String

    public init(rules: [Rule] = [], keptCSS: String = "") {
        self.rules = rules
        self.keptCSS = keptCSS
    }

    /// Reads `text`, the contents of `file` (relative to the site folder); problems go to `log`
    /// at their line and column, and the rule they are in is left out.
    public static func parse(_ text: String, file: String, log: DiagnosticLog) -> EmailStyleSheet {
        var parser = EmailStyleSheetParser(text: text, file: file, log: log)
        return parser.parse()
    }
}
