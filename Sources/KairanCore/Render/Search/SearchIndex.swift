import Foundation

/// The help center's search index: term shards, the page store and the manifest the browser
/// client (`assets/search.js`) reads. Built once per build from the searchable pages' text.
///
/// **Terms** (keys are a one-letter kind and the normalised text, see `SearchText`):
/// - `u` + a Japanese character: the pages containing it, with counts per field (one-character queries);
/// - `b` + two adjacent Japanese characters (a bigram), with positions;
/// - `s` / `e` + a Japanese character that starts / ends a run of Japanese characters, with
///   positions (a query such as `第2` or `KPI表` needs a run's edge);
/// - `w` + a Latin word, with positions.
///
/// A term lives in shard `fnv1a32(key) % shardCount`, so a query downloads only the shards of its
/// own terms. Positions let the client verify a candidate page exactly (bigrams at consecutive
/// positions spell the query), without the page's text.
///
/// **Shard file** (`search/t/<n>.bin`), a sequence of unsigned LEB128 varints and UTF-8 bytes:
/// for each term, sorted by key: key length, key bytes, page count; then for each page, the
/// page number's increase over the previous page, and for `u` terms the counts in the title,
/// headings and body, for the other terms the occurrence count and each occurrence as
/// `(position increase << 2) | field` (field 2 title, 1 heading, 0 body).
///
/// **Page store** (`search/d/<n>.json`): pages `n * groupSize …` with their URL, title, section,
/// body text and headings (`[token position, id]`), fetched for the results shown.
///
/// **Manifest** (`search/index.json`): the format version, the shard count, the group size,
/// each page's length in tokens and boost, and the synonym groups (normalised).
struct SearchIndex: Sendable {
    static let formatVersion = 1
    static let folder = "search/"
    static let manifestPath = "search/index.json"
    /// The results page's site path.
    static let pagePath = "/search/"
    /// The client, a theme asset (`templates/assets/search.js`).
    static let script = "search.js"
    static func shardPath(_ number: Int) -> String { "search/t/\(number).bin" }
    static func groupPath(_ number: Int) -> String { "search/d/\(number).json" }

    /// Pages per page-store file: the results page fetches the files of the ten results it shows.
    static let groupSize = 4

    /// The shard count for `pages` searchable pages: a power of two, about four pages' terms
    /// per shard, at most 1,024 files.
    static func shardCount(pages: Int) -> Int {
        var count = 1
        while count * 2 <= max(1, pages / 4) && count < 1024 { count *= 2 }
        return count
    }

    static func groupCount(pages: Int) -> Int { max(1, (pages + groupSize - 1) / groupSize) }

    let manifest: String
    let shards: [[UInt8]]
    let groups: [String]

    /// Indexes `documents` (in the order given: a page's number is its place) with `synonyms`.
    static func build(_ documents: [SearchDocument], synonyms: [[String]], concurrency: Int) async -> SearchIndex {
        let shardCount = shardCount(pages: documents.count)
        let partitions = min(shardCount, 16)
        let indexed = await ParallelMap.map(Array(documents.indices), concurrency: concurrency) { index in
            DocumentTerms(documents[index], partitions: partitions, shardMask: shardCount - 1)
        }
        // Each partition holds the shards `n` with `n % partitions == partition`.
        let encoded = await ParallelMap.map(Array(0..<partitions), concurrency: concurrency) { partition in
            encodePartition(partition, of: indexed, shardCount: shardCount, partitions: partitions)
        }
        var shards = [[UInt8]](repeating: [], count: shardCount)
        for partition in encoded { for (number, bytes) in partition { shards[number] = bytes } }
        let groups = stride(from: 0, to: max(documents.count, 1), by: groupSize).map { start in
            pageStore(Array(documents[start..<min(documents.count, start + groupSize)]), terms: Array(indexed[start..<min(indexed.count, start + groupSize)]))
        }
        let manifest = JSONValue.object([
            ("v", .integer(formatVersion)),
            ("shards", .integer(shardCount)),
            ("group", .integer(groupSize)),
            ("pages", .integer(documents.count)),
            ("lengths", .array(indexed.map { .integer($0.length) })),
            ("boosts", .array(documents.map { .number(($0.boost * 1000).rounded() / 1000) })),
            ("synonyms", .array(synonyms.map { group in .array(group.map { .string(SearchText.normalized($0)) }) })),
        ]).compact()
        return SearchIndex(manifest: manifest, shards: shards, groups: groups)
    }

    /// The page-store file of `documents`.
    private static func pageStore(_ documents: [SearchDocument], terms: [DocumentTerms]) -> String {
        JSONValue.array(zip(documents, terms).map { document, terms in
            .object([
                ("url", .string(document.url)),
                ("title", .string(document.title)),
                ("section", .string(document.section)),
                ("text", .string(document.bodyText)),
                ("headings", .array(terms.headings.map { .array([.integer($0.position), .string($0.id)]) })),
            ])
        }).compact()
    }

    /// The shard files of one partition, by shard number.
    private static func encodePartition(_ partition: Int, of documents: [DocumentTerms], shardCount: Int, partitions: Int) -> [(Int, [UInt8])] {
        // Key → (page, posting) in page order.
        var postings: [TermKey: [(page: Int, posting: DocumentTerms.Posting)]] = [:]
        for (page, document) in documents.enumerated() {
            for (key, posting) in document.partitions[partition] { postings[key, default: []].append((page, posting)) }
        }
        var byShard: [Int: [(key: [UInt8], entries: [(page: Int, posting: DocumentTerms.Posting)])]] = [:]
        for (key, entries) in postings {
            byShard[Int(key.hash) & (shardCount - 1), default: []].append((key.bytes, entries))
        }
        var files: [(Int, [UInt8])] = []
        for number in stride(from: partition, to: shardCount, by: partitions) {
            var out: [UInt8] = []
            let terms = (byShard[number] ?? []).sorted { $0.key.lexicographicallyPrecedes($1.key) }
            for term in terms {
                appendVarint(UInt64(term.key.count), to: &out)
                out += term.key
                appendVarint(UInt64(term.entries.count), to: &out)
                var previous = -1
                for (page, posting) in term.entries {
                    appendVarint(UInt64(page - previous), to: &out)
                    previous = page
                    switch posting {
                    case .counts(let title, let heading, let body):
                        appendVarint(UInt64(title), to: &out); appendVarint(UInt64(heading), to: &out); appendVarint(UInt64(body), to: &out)
                    case .occurrences(let codes):
                        appendVarint(UInt64(codes.count), to: &out)
                        for code in codes { appendVarint(UInt64(code), to: &out) }
                    }
                }
            }
            files.append((number, out))
        }
        return files
    }

    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    /// FNV-1a, 32 bits: the shard of a term key (the client computes the same).
    static func fnv1a(_ bytes: [UInt8]) -> UInt32 {
        var hash: UInt32 = 0x811C9DC5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}

/// A term of the index: a kind and a Japanese character (or two), or a Latin word.
enum TermKey: Hashable, Sendable {
    case character(kind: UInt8, UInt32)
    case bigram(UInt32, UInt32)
    case word(String)

    /// `SearchIndex.fnv1a(bytes)`, without making the bytes.
    var hash: UInt32 {
        var hash: UInt32 = 0x811C9DC5
        func add(_ byte: UInt8) { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        func add(scalar value: UInt32) {
            switch value {
            case ..<0x80: add(UInt8(value))
            case ..<0x800: add(UInt8(0xC0 | value >> 6)); add(UInt8(0x80 | value & 0x3F))
            case ..<0x10000: add(UInt8(0xE0 | value >> 12)); add(UInt8(0x80 | value >> 6 & 0x3F)); add(UInt8(0x80 | value & 0x3F))
            default:
                add(UInt8(0xF0 | value >> 18)); add(UInt8(0x80 | value >> 12 & 0x3F))
                add(UInt8(0x80 | value >> 6 & 0x3F)); add(UInt8(0x80 | value & 0x3F))
            }
        }
        switch self {
        case .character(let kind, let value): add(kind); add(scalar: value)
        case .bigram(let first, let second): add(UInt8(ascii: "b")); add(scalar: first); add(scalar: second)
        case .word(let word): add(UInt8(ascii: "w")); for unit in word.utf8 { add(unit) }
        }
        return hash
    }

    /// The key as the shard file spells it: `u予`, `b予約`, `s予`, `e約`, `wkpi`.
    var bytes: [UInt8] {
        var text = String.UnicodeScalarView()
        switch self {
        case .character(let kind, let value):
            text.append(Unicode.Scalar(kind))
            if let scalar = Unicode.Scalar(value) { text.append(scalar) }
        case .bigram(let first, let second):
            text.append("b")
            if let scalar = Unicode.Scalar(first) { text.append(scalar) }
            if let scalar = Unicode.Scalar(second) { text.append(scalar) }
        case .word(let word):
            text.append("w")
            text.append(contentsOf: word.unicodeScalars)
        }
        return Array(String(text).utf8)
    }
}

/// The terms of one page, bucketed by partition, with its length and heading positions.
struct DocumentTerms: Sendable {
    enum Posting: Sendable {
        case counts(title: Int, heading: Int, body: Int)
        case occurrences([UInt32])
    }

    var partitions: [[(TermKey, Posting)]]
    var length: Int
    var headings: [(position: Int, id: String)]

    init(_ document: SearchDocument, partitions count: Int, shardMask: Int) {
        // Tokenise block by block (exactly as the client tokenises `searchableText`), noting fields.
        var tokenizer = SearchText.Tokenizer()
        var fields: [(start: Int, field: UInt32)] = []  // token index → field from there on
        var headings: [(position: Int, id: String)] = []
        tokenizer.feed(document.title)
        fields.append((0, 2))
        for block in document.blocks {
            tokenizer.feed("\n")
            let first = tokenizer.tokens.count
            fields.append((first, block.headingID == nil ? 0 : 1))
            tokenizer.feed(block.text)
            if let id = block.headingID {
                // The heading's first token's position (its text may be empty: then the next one's).
                headings.append((tokenizer.tokens.count > first ? tokenizer.tokens[first].position : tokenizer.position, id))
            }
        }
        tokenizer.finish()
        let tokens = tokenizer.tokens
        length = tokens.count
        self.headings = headings

        var counts: [UInt32: (Int, Int, Int)] = [:]
        var occurrences: [TermKey: [UInt32]] = [:]
        var lastPosition: [TermKey: Int] = [:]
        var fieldIndex = 0
        func add(_ key: TermKey, at position: Int, field: UInt32) {
            let previous = lastPosition[key] ?? 0
            lastPosition[key] = position
            occurrences[key, default: []].append(UInt32(position - previous) << 2 | field)
        }
        for (index, token) in tokens.enumerated() {
            while fieldIndex + 1 < fields.count && fields[fieldIndex + 1].start <= index { fieldIndex += 1 }
            let field = fields[fieldIndex].field
            switch token.value {
            case .word(let word):
                add(.word(word), at: token.position, field: field)
            case .character(let value):
                var count = counts[value] ?? (0, 0, 0)
                switch field { case 2: count.0 += 1; case 1: count.1 += 1; default: count.2 += 1 }
                counts[value] = count
                let before = index > 0 ? tokens[index - 1] : nil
                let after = index + 1 < tokens.count ? tokens[index + 1] : nil
                if case .character = before?.value, before?.position == token.position - 1 {} else {
                    add(.character(kind: UInt8(ascii: "s"), value), at: token.position, field: field)
                }
                if case .character(let next) = after?.value, after?.position == token.position + 1 {
                    add(.bigram(value, next), at: token.position, field: field)
                } else {
                    add(.character(kind: UInt8(ascii: "e"), value), at: token.position, field: field)
                }
            }
        }
        var buckets = [[(TermKey, Posting)]](repeating: [], count: count)
        func bucket(_ key: TermKey) -> Int { Int(key.hash) & shardMask & (count - 1) }
        for (value, count) in counts {
            let key = TermKey.character(kind: UInt8(ascii: "u"), value)
            buckets[bucket(key)].append((key, .counts(title: count.0, heading: count.1, body: count.2)))
        }
        for (key, codes) in occurrences { buckets[bucket(key)].append((key, .occurrences(codes))) }
        partitions = buckets
    }
}
