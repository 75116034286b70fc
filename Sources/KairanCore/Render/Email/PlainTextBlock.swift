/// A block of the plain-text email, laid out into lines of at most a width in display columns
/// (except unbreakable runs such as URLs, and preformatted text).
indirect enum PlainTextBlock {
    /// Inline text; `\n` is a hard line break.
    case paragraph(String)
    case heading(level: Int, text: String)
    case rule
    /// Lines kept as written (`<pre>`).
    case preformatted(String)
    case list(ordered: Bool, start: Int, items: [[PlainTextBlock]])
    case quote([PlainTextBlock])
    /// Rows of cell texts; `header` rows are the table's `<th>` rows.
    case table([(cells: [String], header: Bool)])

    /// The lines of `blocks`, one blank line between blocks (none when `tight`).
    static func lines(of blocks: [PlainTextBlock], width: Int, tight: Bool = false) -> [String] {
        var lines: [String] = []
        for block in blocks {
            let blockLines = block.lines(width: width)
            guard !blockLines.isEmpty else { continue }
            if !lines.isEmpty, !tight { lines.append("") }
            lines += blockLines
        }
        return lines
    }

    /// The lines of this block.
    func lines(width: Int) -> [String] {
        switch self {
        case .paragraph(let text):
            return PlainTextWrapper.wrap(text, width: width)
        case .heading(let level, let text):
            switch level {
            case 1:
                let lines = PlainTextWrapper.wrap(text, width: width)
                let widest = lines.map { DisplayWidth.of($0) }.max() ?? 0
                return lines + [String(repeating: "＝", count: min((widest + 1) / 2, width / 2))]
            case 2: return Self.hanging("■ ", columns: 3, text, width: width)
            case 3: return Self.hanging("● ", columns: 3, text, width: width)
            default: return Self.hanging("◇ ", columns: 3, text, width: width)
            }
        case .rule:
            // U+2500 is East Asian Ambiguous: two columns in Japanese fonts, so half the width.
            return [String(repeating: "─", count: width / 2)]
        case .preformatted(let text):
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            while lines.last?.allSatisfy({ $0 == " " }) == true { lines.removeLast() }
            return lines
        case .list(let ordered, let start, let items):
            var lines: [String] = []
            for (offset, item) in items.enumerated() {
                let marker = ordered ? "\(start + offset). " : "・"
                let columns = DisplayWidth.of(marker)
                let itemLines = Self.lines(of: item, width: width - columns, tight: true)
                let indent = String(repeating: " ", count: columns)
                for (number, line) in itemLines.enumerated() { lines.append((number == 0 ? marker : indent) + line) }
                if itemLines.isEmpty { lines.append(marker) }
            }
            return lines
        case .quote(let blocks):
            return Self.lines(of: blocks, width: width - 2).map { $0.isEmpty ? ">" : "> " + $0 }
        case .table(let rows):
            return rows.flatMap { row -> [String] in
                let text = !row.header && row.cells.count == 2 && !row.cells[0].isEmpty
                    ? row.cells[0] + ": " + row.cells[1]
                    : row.cells.filter { !$0.isEmpty }.joined(separator: " | ")
                return text.isEmpty ? [] : Self.hanging("", columns: 0, text, width: width, indent: 2)
            }
        }
    }

    /// `text` wrapped after `prefix` (taking `columns`), later lines indented as far (or by `indent`).
    private static func hanging(_ prefix: String, columns: Int, _ text: String, width: Int, indent: Int? = nil) -> [String] {
        let hang = indent ?? columns
        let pad = String(repeating: " ", count: hang)
        return PlainTextWrapper.wrap(text, width: width - max(columns, hang)).enumerated().map { $0.offset == 0 ? prefix + $0.element : pad + $0.element }
    }
}
