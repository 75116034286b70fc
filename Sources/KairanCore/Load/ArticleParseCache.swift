import Synchronization

/// Parsed help-center files kept between builds of one session (`kairan serve`): a file whose
/// text is the same as last time is not parsed again. Parsing is a function of the path and the
/// text alone, so a hit is exactly what parsing would give.
final class ArticleParseCache: Sendable {
    /// What parsing one file gave.
    enum Parsed: Sendable {
        case article(Article)
        case category(Category)
        case section(Section)
    }

    private struct Entry: Sendable {
        var text: String
        var parsed: Parsed?
        var diagnostics: [Diagnostic]
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The last parse of `path` if its text was `text`.
    func parsed(_ path: String, text: String) -> (Parsed?, [Diagnostic])? {
        entries.withLock { entries in
            guard let entry = entries[path], entry.text == text else { return nil }
            return (entry.parsed, entry.diagnostics)
        }
    }

    func store(_ path: String, text: String, parsed: Parsed?, diagnostics: [Diagnostic]) {
        entries.withLock { $0[path] = Entry(text: text, parsed: parsed, diagnostics: diagnostics) }
    }
}
