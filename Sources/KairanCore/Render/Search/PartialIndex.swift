/// The index of a run of consecutive pages: every term they contain with its postings over
/// them, encoded as the index stores them (`SearchIndex`). Runs are built in parallel and merged
/// term by term (`merge`); a term's postings over all pages are its runs' postings one after the
/// other, with only the first page number of each run's part re-counted.
struct PartialIndex: Sendable {
    /// One term of the run.
    struct Entry: Sendable {
        /// The term (`CharacterTerm`); for a Latin word, its number in `words`.
        var key: UInt64
        /// Where the term's postings are in the run's `postings`: per page, the page number's
        /// increase over the previous page (the first counted from the run's start − 1), then
        /// the counts or occurrences.
        var range: Range<Int> = 0..<0
        /// The bytes of its parts so far (while the run is indexed).
        var size = 0
        var pages: Int32 = 0
        var first: Int32
        var last: Int32

        /// Counts `page` (after the last one): its number's increase over the last one.
        mutating func begin(_ page: Int32) -> Int32 {
            let increase = page - last
            last = page
            pages += 1
            return increase
        }
    }

    /// The first page's number.
    let start: Int
    private(set) var entries: [Entry] = []
    /// Every entry's postings, one after the other (`Entry.range`).
    private(set) var postings: [UInt8] = []
    /// The run's Latin words, in order of first appearance.
    private(set) var words: [String] = []
    /// Each page's length in tokens.
    private(set) var lengths: [Int] = []
    /// Each page's headings: their first token's position and anchor id.
    private(set) var headings: [[(position: Int, id: String)]] = []

    init(_ documents: ArraySlice<SearchDocument>, start: Int) {
        self.start = start
        var entries: [Entry] = []
        var wordNumbers: [String: UInt32] = [:]
        var counter = CharacterCounter()
        var grouper = TermGrouper()
        var tokenizer = SearchText.Tokenizer()
        // Each (term, page) part is encoded after the first `partsCount` bytes of `parts` (room
        // beyond them is made page by page) as the pages come, and listed in `ends` with its
        // entry; the parts are gathered term by term once the run is done (one buffer, not an
        // array per term).
        var parts: [UInt8] = []
        var partsCount = 0
        var ends: [(entry: Int32, end: Int)] = []
        var endsCount = 0
        for (offset, document) in documents.enumerated() {
            // A cancelled build (a preview overtaken by the next edit) stops at once; its index is never used.
            if Task.isCancelled { break }
            let page = Int32(start + offset)
            // Tokenised block by block, exactly as the client tokenises the title, "\n" and the body's `text`.
            tokenizer.reset()
            tokenizer.field = 2
            tokenizer.feed(document.title)
            var pageHeadings: [(position: Int, id: String)] = []
            document.body.text.withUnsafeBufferPointer { text in
                for block in document.body.blocks {
                    tokenizer.feed("\n")
                    tokenizer.field = block.headingID == nil ? 0 : 1
                    let first = tokenizer.count
                    tokenizer.feed(utf8: UnsafeBufferPointer(rebasing: text[block.range]))
                    if let id = block.headingID {
                        // The heading's first token (its text may be empty: then where the next one goes).
                        pageHeadings.append((first < tokenizer.count ? Int(tokenizer.codes[first] >> 2) : Int(tokenizer.position), id))
                    }
                }
            }
            tokenizer.finish()
            headings.append(pageHeadings)
            lengths.append(tokenizer.count)
            // The page's words by their number in the run.
            let runWords = tokenizer.words.map { Self.number(of: $0, in: &words, &wordNumbers) }
            grouper.begin(page: page, occurrences: 2 * tokenizer.count)
            tokenizer.values.withUnsafeBufferPointer { values in
                tokenizer.codes.withUnsafeBufferPointer { codes in
                    grouper.add(values: values, codes: codes, words: runWords)
                    counter.add(values: values, codes: codes)
                }
            }
            let characters = counter.drain().map { (term: grouper.number(of: CharacterTerm.key(CharacterTerm.character, $0.0)), count: $0.1) }
            while entries.count < grouper.termCount {
                entries.append(Entry(key: grouper.key(entries.count), first: page, last: Int32(start) - 1))
            }

            // Room for the page's parts at the end of `parts` (grown by doubling): a varint takes
            // at most 5 bytes; a term's part is its page increase and count, then its occurrences
            // (at most two a token); a character's, its page increase and three counts.
            let room = 5 * (2 * tokenizer.count + 2 * grouper.pageTermCount + 4 * characters.count)
            parts.makeRoom(for: partsCount + room, filling: 0)
            // And room for the page's part ends, grown the same way.
            let newEnds = grouper.pageTermCount + characters.count
            ends.makeRoom(for: endsCount + newEnds, filling: (entry: 0, end: 0))
            (partsCount, endsCount) = parts.withUnsafeMutableBufferPointer { out in
                entries.withUnsafeMutableBufferPointer { entries in
                    ends.withUnsafeMutableBufferPointer { ends in
                        grouper.withPageTerms { pageTerms in
                            Self.writeParts(of: page, terms: pageTerms, characters: characters, to: out, at: partsCount,
                                            entries: entries, ends: ends, endsCount: endsCount)
                        }
                    }
                }
            }
        }
        postings = Self.gather(parts, ends: ends[..<endsCount], into: &entries)
        self.entries = entries
    }

    /// Writes the page's part of each of its terms at `start` in `out` (room made for them): the
    /// page's increase, then for a term its occurrence count and occurrences (position increase
    /// << 2 | field), for a character its counts in the title, the headings and the body. Each
    /// part is listed in `ends` after its first `endsCount` (room made for them) and counted in
    /// its entry's size; returns where the parts and the ends end.
    private static func writeParts(of page: Int32, terms: TermGrouper.PageTerms, characters: [(term: Int, count: (UInt32, UInt32, UInt32))],
                                   to out: UnsafeMutableBufferPointer<UInt8>, at start: Int,
                                   entries: UnsafeMutableBufferPointer<Entry>, ends: UnsafeMutableBufferPointer<(entry: Int32, end: Int)>,
                                   endsCount: Int) -> (Int, Int) {
        var at = start, endsCount = endsCount
        for place in 0..<terms.count {
            let term = terms.term(place), begin = at
            SearchIndex.writeVarint(UInt64(entries[term].begin(page)), to: out, at: &at)
            SearchIndex.writeVarint(UInt64(terms.occurrences(term)), to: out, at: &at)
            terms.writeCodes(term, to: out, at: &at)
            ends[endsCount] = (Int32(term), at)
            endsCount += 1
            entries[term].size += at - begin
        }
        for (term, count) in characters {
            let begin = at
            SearchIndex.writeVarint(UInt64(entries[term].begin(page)), to: out, at: &at)
            SearchIndex.writeVarint(UInt64(count.0), to: out, at: &at)
            SearchIndex.writeVarint(UInt64(count.1), to: out, at: &at)
            SearchIndex.writeVarint(UInt64(count.2), to: out, at: &at)
            ends[endsCount] = (Int32(term), at)
            endsCount += 1
            entries[term].size += at - begin
        }
        return (at, endsCount)
    }

    /// The parts of each entry one after the other, in entry order (each entry's parts keep
    /// their page order); sets each entry's range.
    private static func gather(_ parts: [UInt8], ends: ArraySlice<(entry: Int32, end: Int)>, into entries: inout [Entry]) -> [UInt8] {
        var cursors: [Int] = []
        cursors.reserveCapacity(entries.count)
        var total = 0
        for index in entries.indices {
            cursors.append(total)
            entries[index].range = total..<(total + entries[index].size)
            total += entries[index].size
        }
        var out = [UInt8](repeating: 0, count: total)
        out.withUnsafeMutableBufferPointer { out in
            parts.withUnsafeBufferPointer { parts in
                var begin = 0
                for (entry, end) in ends {
                    let length = end - begin
                    let cursor = cursors[Int(entry)]
                    // Never overlapping: `out` and `parts` are two buffers.
                    (out.baseAddress! + cursor).update(from: parts.baseAddress! + begin, count: length)
                    cursors[Int(entry)] = cursor + length
                    begin = end
                }
            }
        }
        return out
    }

    /// The number of `word` in `words` (appended when new).
    private static func number(of word: String, in words: inout [String], _ numbers: inout [String: UInt32]) -> UInt32 {
        if let known = numbers[word] { return known }
        let number = UInt32(words.count)
        numbers[word] = number
        words.append(word)
        return number
    }

    /// Every term of `runs` (in page order) with its postings over all of them, sorted by key
    /// bytes.
    static func merge(_ runs: [PartialIndex], concurrency: Int) async -> [SearchIndex.Term] {
        // Each term's parts, in run order: (run, entry).
        var table = KeyTable()
        var parts: [[(run: Int32, entry: Int32)]] = []
        var keys: [UInt64] = []
        var words: [String] = []
        var wordNumbers: [String: UInt32] = [:]
        for (runNumber, run) in runs.enumerated() {
            for (entryNumber, entry) in run.entries.enumerated() {
                var key = entry.key
                if CharacterTerm.kind(key) == CharacterTerm.word {
                    key = CharacterTerm.key(CharacterTerm.word, number(of: run.words[Int(CharacterTerm.first(key))], in: &words, &wordNumbers))
                }
                let term = Int(table.index(of: key, orAdd: Int32(keys.count)))
                if term == keys.count {
                    keys.append(key)
                    parts.append([])
                }
                parts[term].append((Int32(runNumber), Int32(entryNumber)))
            }
        }
        // Key bytes order: character terms by kind letter (b e s u), then scalars (UTF-8 keeps
        // their order); words (w) last, by their bytes.
        let wordBytes = words.map { [UInt8(ascii: "w")] + Array($0.utf8) }
        let order = keys.indices.sorted { left, right in
            let a = keys[left], b = keys[right]
            let aWord = CharacterTerm.kind(a) == CharacterTerm.word, bWord = CharacterTerm.kind(b) == CharacterTerm.word
            if aWord || bWord {
                guard aWord && bWord else { return bWord }
                return wordBytes[Int(CharacterTerm.first(a))].lexicographicallyPrecedes(wordBytes[Int(CharacterTerm.first(b))])
            }
            return CharacterTerm.sortKey(a) < CharacterTerm.sortKey(b)
        }
        let termKeys = keys, termParts = parts
        let chunks = stride(from: 0, to: order.count, by: 1024).map { $0..<min(order.count, $0 + 1024) }
        return await ParallelMap.map(chunks, concurrency: concurrency) { range in
            Task.isCancelled ? [] : range.map { place -> SearchIndex.Term in
                let term = order[place], key = termKeys[term]
                let bytes = CharacterTerm.kind(key) == CharacterTerm.word ? wordBytes[Int(CharacterTerm.first(key))] : CharacterTerm.bytes(key)
                return SearchIndex.Term(key: bytes, hash: SearchIndex.fnv1a(bytes), postings: postings(termParts[term], of: runs))
            }
        }.flatMap { $0 }
    }

    /// A term's postings from its parts: page count, then each run's pages, the first page's
    /// increase counted from the previous run's last page.
    private static func postings(_ parts: [(run: Int32, entry: Int32)], of runs: [PartialIndex]) -> [UInt8] {
        var pages = 0, size = 0
        for part in parts {
            let entry = runs[Int(part.run)].entries[Int(part.entry)]
            pages += Int(entry.pages)
            size += entry.range.count
        }
        var out: [UInt8] = []
        out.reserveCapacity(size + 8)
        SearchIndex.appendVarint(UInt64(pages), to: &out)
        var previous: Int32 = -1
        for part in parts {
            let run = runs[Int(part.run)]
            let entry = run.entries[Int(part.entry)]
            run.postings.withUnsafeBufferPointer { postings in
                // The first page's increase is counted again from the previous run's last page.
                var skip = entry.range.lowerBound
                while postings[skip] & 0x80 != 0 { skip += 1 }
                SearchIndex.appendVarint(UInt64(entry.first - previous), to: &out)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: postings[(skip + 1)..<entry.range.upperBound]))
            }
            previous = entry.last
        }
        return out
    }
}
