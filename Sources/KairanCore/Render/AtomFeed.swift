/// One Atom feed (RFC 4287), written by hand: every value from data is XML-escaped. Release notes
/// and the customers' archive of reports and newsletters are written with it.
struct AtomFeed {
    /// One `<entry>`.
    struct Entry {
        var id: String
        var title: String
        /// RFC 3339, +09:00.
        var updated: String
        var link: String
        var category: (term: String, label: String)?
        var summary: String
        /// HTML, escaped into `<content type="html">`; nil for none.
        var contentHTML: String?
    }

    var id: String
    var title: String
    var language: String
    var author: String
    var selfURL: String
    var alternateURL: String
    /// Newest first; the feed's `<updated>` is the first entry's.
    var entries: [Entry]

    var xml: String {
        let updated = entries.first?.updated ?? "1970-01-01T00:00:00Z"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTMLEscaping.escape(language))">
            <id>\(HTMLEscaping.escape(id))</id>
            <title>\(HTMLEscaping.escape(title))</title>
            <updated>\(updated)</updated>
            <author><name>\(HTMLEscaping.escape(author))</name></author>
            <link rel="self" type="application/atom+xml" href="\(HTMLEscaping.escape(selfURL))"/>
            <link rel="alternate" type="text/html" href="\(HTMLEscaping.escape(alternateURL))"/>
            <generator uri="https://github.com/kairan" version="\(Kairan.version)">Kairan</generator>

            """
        for entry in entries {
            xml += "<entry>\n<id>\(HTMLEscaping.escape(entry.id))</id>\n<title>\(HTMLEscaping.escape(entry.title))</title>\n"
                + "<updated>\(entry.updated)</updated>\n<published>\(entry.updated)</published>\n"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"\(HTMLEscaping.escape(entry.link))\"/>\n"
            if let category = entry.category {
                xml += "<category term=\"\(HTMLEscaping.escape(category.term))\" label=\"\(HTMLEscaping.escape(category.label))\"/>\n"
            }
            xml += "<summary>\(HTMLEscaping.escape(entry.summary))</summary>\n"
            if let html = entry.contentHTML { xml += "<content type=\"html\">\(HTMLEscaping.escape(html))</content>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }
}
