import Foundation

/// The help center's search index: the files the browser client (`assets/search.js`) reads.
/// Built once per build from the searchable pages' text.
///
/// **Terms** (a one-letter kind and normalised text, see `SearchText`):
/// - `u` + a Japanese character: the pages containing it, with counts per field (one-character queries);
/// - `b` + two adjacent Japanese characters (a bigram), with positions;
/// - `s` / `e` + a Japanese character that starts / ends a run of Japanese characters, with
///   positions (a query such as `第2` or `KPI表` needs a run's edge);
/// - `w` + a Latin word, with positions.
///
/// Positions let the client verify a candidate page exactly, without its text: bigrams at
/// consecutive places spell the query.
///
/// **Files** under `search/`:
/// - `index.json`, the manifest: format version, shard count, the first term of each file of
///   big terms (`big`, in file order), the files that hold more than one (`members`: the file's
///   number, then its other terms in file order), each such file's size in bytes (`sizes`: the
///   client picks the bigrams of a query that cost least), pages per page-store file, each
///   page's length in tokens and boost (per mille), the synonym groups (normalised);
/// - `t/<n>.bin`: the terms whose `fnv1a32(key) % shards == n`, except the big ones;
/// - `k/<n>.bin`: the big term `big[n]`, alone (a common term never makes a query fetch others)
///   or with the bigrams that follow it in a phrase, written as their differences from it
///   (`BigramGroups`);
/// - `d/<n>.json`: pages `n * group …` (`group` is 1 today; URL, title, section, body text,
///   headings as `[token position, id]`), fetched for the results shown.
///
/// A `.bin` file is a sequence of terms sorted by key, each: key length and key bytes (UTF-8),
/// page count, then per page the page number's increase over the previous page and, for `u`
/// terms, the counts in the title, headings and body; for the others the occurrence count and each
/// occurrence as `(position increase << 2) | field` (2 title, 1 heading, 0 body). Numbers are
/// unsigned LEB128 varints.
struct SearchIndex: Sendable {
    static let formatVersion = 3
    static let folder = "search/"
    /// The results page's site path.
    static let pagePath = "/search/"
    /// The client, a theme asset (`templates/assets/search.js`).
    static let script = "search.js"
    static let manifestPath = "search/index.json"
    /// Pages per page-store file: the results page fetches the files of the ten results it shows,
    /// so one page each (with four, the ten results' files were a fifth of a first query's bytes).
    static let groupSize = 1
    /// A term whose postings are larger than this gets its own file.
    static let bigTerm = 4096
    /// About this many bytes of small terms per shard.
    static let shardTarget = 6144

    /// One file of the index and the pages it is made from (nil: all of them).
    struct File: Sendable {
        var path: String
        var bytes: [UInt8]
        var pages: Range<Int>?
    }

    let files: [File]

    /// Indexes `documents` (a page's number is its place) with `synonyms`: the term files, then
    /// the page store's. With more than one task the page store is made beside the terms' merge
    /// and grouping, whose serial steps (sorting, linking, cutting trees) leave a core idle.
    static func build(_ documents: [SearchDocument], synonyms: [[String]], concurrency: Int) async -> SearchIndex {
        guard let indexing = await Indexing(documents, concurrency: concurrency) else { return SearchIndex(files: []) }
        if concurrency > 1 {
            async let stores = indexing.pageStoreFiles(concurrency: concurrency)
            guard let terms = await indexing.termFiles(synonyms: synonyms, concurrency: concurrency) else { return SearchIndex(files: []) }
            return SearchIndex(files: terms + (await stores))
        }
        guard let terms = await indexing.termFiles(synonyms: synonyms, concurrency: concurrency) else { return SearchIndex(files: []) }
        return SearchIndex(files: terms + (await indexing.pageStoreFiles(concurrency: concurrency)))
    }

    /// The pages' terms, counted run by run: what the term files and the page store are made from.
    /// A cancelled build (a preview overtaken by the next edit) stops between steps; what it
    /// returns is never used.
    struct Indexing: Sendable {
        let documents: [SearchDocument]
        let partials: [PartialIndex]
        /// Each page's headings: their first token's position and anchor id.
        let headings: [[(position: Int, id: String)]]

        /// Nil when cancelled.
        init?(_ documents: [SearchDocument], concurrency: Int) async {
            // Runs of consecutive pages are indexed in parallel, then merged term by term. The runs
            // depend on the page count only, so the bytes are the same whatever the concurrency (and
            // the merge is exact: they are the same whatever the runs). A thirty-second of the pages
            // each: the last run, which one core indexes while the other has nothing left, is short,
            // and a run's tables stay small enough to stay in the caches.
            let runSize = max(64, (documents.count + 31) / 32)
            let runs = stride(from: 0, to: documents.count, by: runSize).map { $0..<min(documents.count, $0 + runSize) }
            let partials = await ParallelMap.map(runs, concurrency: concurrency) { range in
                Task.isCancelled ? PartialIndex([], start: range.lowerBound) : PartialIndex(documents[range], start: range.lowerBound)
            }
            if Task.isCancelled { return nil }
            self.documents = documents
            self.partials = partials
            headings = partials.flatMap(\.headings)
        }

        /// The page store's files (`d/<n>.json`), in page order: they need only the pages and their headings.
        func pageStoreFiles(concurrency: Int) async -> [File] {
            let documents = documents, headings = headings
            let groups = stride(from: 0, to: max(documents.count, 1), by: groupSize).map { $0..<min(documents.count, $0 + groupSize) }
            let stores = await ParallelMap.map(groups, concurrency: concurrency) { range in
                Task.isCancelled ? [] : pageStore(documents[range], headings: headings[range])
            }
            return zip(groups, stores).map { range, bytes in
                File(path: "search/d/\(range.lowerBound / groupSize).json", bytes: bytes, pages: range)
            }
        }

        /// The manifest, the shards and the files of big terms, in that order; nil when cancelled.
        func termFiles(synonyms: [[String]], concurrency: Int) async -> [File]? {
            let merged = await PartialIndex.merge(partials, concurrency: concurrency)
            if Task.isCancelled { return nil }

            let big = merged.filter { $0.postings.count > bigTerm }
            let smallBytes = merged.reduce(0) { $0 + ($1.postings.count > bigTerm ? 0 : $1.key.count + $1.postings.count) }
            var shardCount = 1
            while smallBytes / shardCount > shardTarget && shardCount < 4096 { shardCount *= 2 }
            var shards = [[UInt8]](repeating: [], count: shardCount)
            for term in merged where term.postings.count <= bigTerm {
                append(term, to: &shards[Int(term.hash) & (shardCount - 1)])
            }
            let grouping = await BigramGroups.make(big, pages: documents.count, concurrency: concurrency)
            if Task.isCancelled { return nil }
            // A file of many bigrams takes far longer than a term alone: those go first.
            let bigFiles = await ParallelMap.map(grouping.files, concurrency: concurrency, costliestFirst: { file in
                file.terms.count == 1 ? 0 : file.terms.reduce(0) { $0 + big[$1].postings.count }
            }) { BigramGroups.bytes($0, big: big) }
            func key(_ term: Int) -> JSONValue { .string(String(decoding: big[term].key, as: UTF8.self)) }
            var files: [File] = []
            let manifest = JSONValue.object([
                ("v", .integer(formatVersion)),
                ("shards", .integer(shardCount)),
                ("big", .array(grouping.files.map { key($0.terms[0]) })),
                ("members", .array(grouping.files.enumerated().filter { $0.element.terms.count > 1 }.map { number, file in
                    .array([.integer(number)] + file.terms.dropFirst().map(key))
                })),
                ("sizes", .array(bigFiles.map { .integer($0.count) })),
                ("group", .integer(groupSize)),
                ("pages", .integer(documents.count)),
                ("lengths", .array(partials.flatMap(\.lengths).map { .integer($0) })),
                ("boosts", .array(documents.map { .integer(Int(($0.boost * 1000).rounded())) })),
                ("synonyms", .array(synonyms.map { group in .array(group.map { .string(SearchText.normalized($0)) }) })),
            ]).compact()
            files.append(File(path: manifestPath, bytes: Array(manifest.utf8), pages: nil))
            for (number, bytes) in shards.enumerated() { files.append(File(path: "search/t/\(number).bin", bytes: bytes, pages: nil)) }
            for (number, bytes) in bigFiles.enumerated() { files.append(File(path: "search/k/\(number).bin", bytes: bytes, pages: nil)) }
            return files
        }
    }

    /// One term of the index with its postings encoded.
    struct Term: Sendable {
        var key: [UInt8]
        var hash: UInt32
        var postings: [UInt8]
    }

    /// A term as files hold it: key length, key, postings.
    static func append(_ term: Term, to out: inout [UInt8]) {
        appendVarint(UInt64(term.key.count), to: &out)
        out += term.key
        out += term.postings
    }

    /// The page-store file of `documents`: compact JSON, written directly as bytes (thousands of pages).
    private static func pageStore(_ documents: ArraySlice<SearchDocument>, headings: ArraySlice<[(position: Int, id: String)]>) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        // Room for the texts and a little more: escapes are rare.
        out.reserveCapacity(documents.reduce(64) { $0 + $1.body.text.count + $1.url.utf8.count + $1.title.utf8.count + $1.section.utf8.count + 256 })
        func add(_ text: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
        for (index, (document, headings)) in zip(documents, headings).enumerated() {
            if index > 0 { add(",") }
            add("{\"url\":")
            JSONValue.quote(document.url, into: &out)
            add(",\"title\":")
            JSONValue.quote(document.title, into: &out)
            add(",\"section\":")
            JSONValue.quote(document.section, into: &out)
            add(",\"text\":")
            document.body.text.withUnsafeBufferPointer { JSONValue.quote(utf8: $0, into: &out) }
            add(",\"headings\":[")
            for (number, heading) in headings.enumerated() {
                if number > 0 { add(",") }
                add("[")
                out.append(contentsOf: String(heading.position).utf8)
                add(",")
                JSONValue.quote(heading.id, into: &out)
                add("]")
            }
            add("]}")
        }
        add("]\n")
        return out
    }

    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    /// `appendVarint` into room made beforehand: the varint's bytes at `at` in `out` (at most
    /// 10; 5 for a 32-bit value), `at` moved past them.
    @inline(__always)
    static func writeVarint(_ value: UInt64, to out: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        var value = value
        while value >= 0x80 {
            out[at] = UInt8(value & 0x7F) | 0x80
            at += 1
            value >>= 7
        }
        out[at] = UInt8(value)
        at += 1
    }

    /// The number at `at` in `bytes` (an unsigned LEB128 varint, as `appendVarint` writes it),
    /// `at` moved past it; a number cut off by the end reads as far as it goes.
    @inline(__always)
    static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, at: inout Int) -> Int {
        var value = 0, shift = 0
        while at < bytes.count {
            let byte = bytes[at]
            at += 1
            value |= Int(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 || shift > 56 { break }
        }
        return value
    }

    /// FNV-1a, 32 bits: the shard of a term key (the client computes the same).
    static func fnv1a(_ bytes: [UInt8]) -> UInt32 {
        var hash: UInt32 = 0x811C9DC5
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        return hash
    }
}

/// A term packed in 64 bits: its kind (bits 42…44) and one or two scalars (21 bits each) — or,
/// for a Latin word, the word's number on its page.
enum CharacterTerm {
    /// Kinds, with the letter that spells them in the index.
    static let bigram: UInt64 = 1, runStart: UInt64 = 2, runEnd: UInt64 = 3, word: UInt64 = 4, character: UInt64 = 5
    private static let letters: [UInt8] = [0, UInt8(ascii: "b"), UInt8(ascii: "s"), UInt8(ascii: "e"), UInt8(ascii: "w"), UInt8(ascii: "u")]

    static func key(_ kind: UInt64, _ first: UInt32, _ second: UInt32 = 0) -> UInt64 {
        kind << 42 | UInt64(first) << 21 | UInt64(second)
    }

    static func kind(_ key: UInt64) -> UInt64 { key >> 42 }

    /// A number whose order is the order of `bytes(key)`: the kind letter's place (b e s u w), then
    /// the scalars (UTF-8 keeps code-point order, and no scalar's bytes begin another's).
    static func sortKey(_ key: UInt64) -> UInt64 {
        ranks[Int(kind(key))] << 42 | key & 0x3FF_FFFF_FFFF
    }
    private static let ranks: [UInt64] = [0, 0, 2, 1, 4, 3]
    static func first(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: (key >> 21) & 0x1F_FFFF) }
    static func second(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key & 0x1F_FFFF) }

    /// The key as the index spells it: `u予`, `b予約`, `s予`, `e約` (not for words).
    static func bytes(_ key: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        feed(key) { out.append($0) }
        return out
    }

    /// `SearchIndex.fnv1a(bytes(key))`, without making the bytes.
    static func hash(_ key: UInt64) -> UInt32 {
        var hash: UInt32 = 0x811C9DC5
        feed(key) { hash = (hash ^ UInt32($0)) &* 0x0100_0193 }
        return hash
    }

    @inline(__always)
    private static func feed(_ key: UInt64, _ byte: (UInt8) -> Void) {
        let kind = kind(key)
        byte(letters[Int(kind)])
        utf8(first(key), byte)
        if kind == bigram { utf8(second(key), byte) }
    }

    @inline(__always)
    static func utf8(_ value: UInt32, _ byte: (UInt8) -> Void) {
        switch value {
        case ..<0x80: byte(UInt8(value))
        case ..<0x800: byte(UInt8(0xC0 | value >> 6)); byte(UInt8(0x80 | value & 0x3F))
        case ..<0x10000: byte(UInt8(0xE0 | value >> 12)); byte(UInt8(0x80 | value >> 6 & 0x3F)); byte(UInt8(0x80 | value & 0x3F))
        default:
            byte(UInt8(0xF0 | value >> 18)); byte(UInt8(0x80 | value >> 12 & 0x3F))
            byte(UInt8(0x80 | value >> 6 & 0x3F)); byte(UInt8(0x80 | value & 0x3F))
        }
    }
}
