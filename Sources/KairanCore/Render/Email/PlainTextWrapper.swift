/// Wraps plain text to a width in display columns (``DisplayWidth``), the way Japanese mail is
/// read: breaks at spaces and between any two Japanese characters, never inside a run of
/// Latin letters, digits and punctuation (a word or a URL; one wider than the line stays whole on
/// its own line), with simple kinsoku shori — no line starts with closing brackets, 、。, small
/// kana or ー, none ends with an opening bracket.
enum PlainTextWrapper {
    /// Characters a line must not start with (行頭禁則).
    static let noLineStart: Set<Character> = Set(
        "、。，．,.:;!?！？)）]］}｝」』】〕〉》〙〗〟’”ゝゞヽヾー‐゠–—〜～…‥・：；ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々〻%％‰℃")
    /// Characters a line must not end with (行末禁則).
    static let noLineEnd: Set<Character> = Set("(（[［{｛「『【〔〈《〘〖〝‘“")

    /// A run that is never broken inside, with whether a space separates it from the one before.
    private struct Piece {
        var text = ""
        var width = 0
        var spaceBefore = false
    }

    /// The lines of `text` at most `width` columns wide where a break exists; `\n` in `text` is a
    /// hard break. Spaces are collapsed and none is left at either end of a line.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for hardLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += fill(pieces(of: hardLine), width: max(width, 1))
        }
        return lines
    }

    /// The unbreakable pieces of one hard line, glued where kinsoku forbids a break.
    private static func pieces(of line: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var current = Piece()
        var latinRun = false
        var pendingSpace = false
        func finish() {
            if !current.text.isEmpty { pieces.append(current) }
            current = Piece()
            latinRun = false
        }
        for character in line {
            if character == " " || character == "\t" {
                finish()
                pendingSpace = true
                continue
            }
            let columns = DisplayWidth.of(character)
            if columns == 0, !current.text.isEmpty {
                current.text.append(character)
                continue
            }
            if columns == 2 || !latinRun { finish() }
            if current.text.isEmpty {
                current.spaceBefore = pendingSpace && !pieces.isEmpty
                pendingSpace = false
            }
            current.text.append(character)
            current.width += columns
            latinRun = columns != 2
        }
        finish()
        // Kinsoku: a piece that may not start a line joins the one before; one that may not end a line, the one after.
        var glued: [Piece] = []
        for piece in pieces {
            if var last = glued.last, let first = piece.text.first, let end = last.text.last,
               !piece.spaceBefore, noLineStart.contains(first) || noLineEnd.contains(end) {
                last.text += piece.text
                last.width += piece.width
                glued[glued.count - 1] = last
            } else {
                glued.append(piece)
            }
        }
        return glued
    }

    /// Greedy filling: each piece goes on the current line if it fits, else starts the next one.
    private static func fill(_ pieces: [Piece], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for piece in pieces {
            let separator = piece.spaceBefore && !line.isEmpty ? 1 : 0
            if !line.isEmpty, lineWidth + separator + piece.width > width {
                lines.append(line)
                line = piece.text
                lineWidth = piece.width
                continue
            }
            if separator == 1 { line += " " }
            line += piece.text
            lineWidth += separator + piece.width
        }
        lines.append(line)
        return lines
    }
}
