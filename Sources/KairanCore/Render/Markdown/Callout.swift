/// A callout box: a note, tip, important point, warning, caution or danger set apart from the
/// text. Written as a GitHub alert (`> [!NOTE]`) or a container (`::: tip 任意の見出し` … `:::`);
/// both render here, to one HTML shape:
///
/// ```html
/// <div class="callout callout-tip" role="note"><p class="callout-title"><span class="callout-icon" aria-hidden="true">✓</span>ヒント</p>
/// …the body…
/// </div>
/// ```
///
/// With a custom title the title is shown and the kind's label is the box's `aria-label`.
enum Callout {
    /// The kinds, by the word written after `:::` (GitHub's alert names are the same, uppercase).
    enum Kind: String, CaseIterable {
        case note, tip, important, warning, caution, danger

        /// The label shown when the writer gives no title.
        var label: String {
            switch self {
            case .note: "メモ"
            case .tip: "ヒント"
            case .important: "重要"
            case .warning: "注意"
            case .caution: "警告"
            case .danger: "危険"
            }
        }

        /// A text symbol (with U+FE0E, so no emoji font is needed), hidden from screen readers.
        var icon: String {
            switch self {
            case .note: "ℹ\u{FE0E}"
            case .tip: "✓"
            case .important: "!"
            case .warning: "⚠\u{FE0E}"
            case .caution, .danger: "✕"
            }
        }
    }

    /// The kinds a container may name, for messages.
    static let containerKinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
    /// GitHub's alert kinds (no `danger`).
    static let alertKinds: [Kind] = [.note, .tip, .important, .warning, .caution]

    /// The HTML before and after the body of a callout. `title` is HTML already escaped (or rendered).
    static func html(_ kind: Kind, titleHTML: String?) -> (open: String, close: String) {
        let label = titleHTML.map { _ in " aria-label=\"\(kind.label)\"" } ?? ""
        let open = "<div class=\"callout callout-\(kind.rawValue)\" role=\"note\"\(label)>\n"
            + "<p class=\"callout-title\"><span class=\"callout-icon\" aria-hidden=\"true\">\(kind.icon)</span>\(titleHTML ?? kind.label)</p>\n"
        return (open, "</div>\n")
    }

    /// The alert a blockquote's first line names (`[!NOTE]`, any case), and the title written after it.
    static func alert(firstLine: String) -> (kind: Kind, title: String?)? {
        let line = firstLine.trimmedOfWhitespace
        guard line.hasPrefix("[!"), let close = line.firstIndex(of: "]") else { return nil }
        let name = line[line.index(line.startIndex, offsetBy: 2)..<close].lowercased()
        guard let kind = Kind(rawValue: name), alertKinds.contains(kind) else { return nil }
        let title = String(line[line.index(after: close)...]).trimmedOfWhitespace
        return (kind, title.isEmpty ? nil : title)
    }
}
