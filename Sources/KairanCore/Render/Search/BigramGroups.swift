/// Big bigrams that spell one longer word or phrase, stored in one file.
///
/// The bigrams of a phrase that pages repeat (院長にお問い合わせください: 院長, 長に, にお, …) are
/// each a big term with nearly the same occurrences, one place apart. A query for the phrase
/// needs the positions of several of them (院長, にお, 問い, 合わ, わせ), each as large as the
/// first: 35 KB each (gzip) on the benchmark corpus, 176 KB in all. In one file, a bigram that
/// follows another is written as its differences from it: which of the other's occurrences it
/// does not follow (mostly none: a zero per page), then its occurrences elsewhere as ordinary
/// postings. The phrase then costs about as much as its first bigram.
///
/// **Which bigrams go together.** A bigram's *predecessor* is the bigram one place before most
/// of its occurrences (counted on up to 1,024 pages spread over the site: the choice only
/// decides which bigrams share a file, never what a file says). The two are linked when
/// at least 60% of the bigram's occurrences follow it and at least 60% of the predecessor's are
/// followed by it (both ways, so a common bigram such as ます never drags a rarer one's readers
/// into its file, nor the reverse). Links form trees; a tree's root is the file's first term and
/// its other bigrams follow, each after its parent. A file's *exceptions* (occurrences written
/// as ordinary postings) stay under half its root's occurrences: a bigram that would pass that
/// starts a file of its own.
///
/// Only bigrams (`b` terms) are grouped; a group is decoded back to exactly the postings its
/// bigrams would have on their own (the client's `parseGroup`; `BigramGroupsTests`).
struct BigramGroups {
    /// One file: indices into the big terms, root first, every other after its parent; `parents`
    /// holds each term's parent as a place in `terms` (-1 for the root).
    struct File: Sendable {
        var terms: [Int]
        var parents: [Int]
    }

    /// Bigrams' postings decoded into flat arrays: term `t`'s page entries are
    /// `entries[t]..<entries[t + 1]`, entry `e`'s page `pages[e]` and occurrences
    /// `ends[e - 1]..<ends[e]` (`positions`, `fields`). Decoded twice, each time only what is
    /// needed: the sampled pages of every big bigram (to link them), then each file's bigrams
    /// in full (to write the file).
    struct Store: Sendable {
        var entries: [Int] = [0]
        var pages: [Int32] = []
        var ends: [Int32] = []
        var positions: [Int32] = []
        var fields: [UInt8] = []

        /// The pages numbered a multiple of `stride` of each term's `postings` (every page: 1).
        init(_ postings: [[UInt8]], stride: Int = 1) {
            // Every occurrence takes at least one byte: room for the most there can be, left
            // uninitialised (only what is written is touched).
            let room = postings.reduce(0) { $0 + $1.count }
            var count = 0
            var fields: [UInt8] = []
            var pages: [Int32] = [], ends: [Int32] = [], entries = [0]
            let positions = [Int32](unsafeUninitializedCapacity: room) { positions, written in
                fields = [UInt8](unsafeUninitializedCapacity: room) { fields, fieldsWritten in
                    for bytes in postings {
                        bytes.withUnsafeBufferPointer { bytes in
                            var at = 0
                            @inline(__always) func next() -> Int { SearchIndex.readVarint(bytes, at: &at) }
                            var page = -1
                            for _ in 0..<next() {
                                page += next()
                                guard page % stride == 0 else {
                                    // Skipped: its occurrences are stepped over, eight bytes at a
                                    // time while the varints ending in them (bytes below 0x80) are
                                    // fewer than those left, then byte by byte.
                                    var left = next()
                                    if let base = bytes.baseAddress {
                                        while at + 8 <= bytes.count {
                                            let word = UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self)
                                            let ends = (~word & 0x8080_8080_8080_8080).nonzeroBitCount
                                            guard ends < left else { break }
                                            left -= ends
                                            at += 8
                                        }
                                    }
                                    while left > 0 && at < bytes.count {
                                        if bytes[at] & 0x80 == 0 { left -= 1 }
                                        at += 1
                                    }
                                    continue
                                }
                                var position = 0
                                for _ in 0..<next() where count < room {
                                    let code = next()
                                    position += code >> 2
                                    positions[count] = Int32(truncatingIfNeeded: position)
                                    fields[count] = UInt8(code & 3)
                                    count += 1
                                }
                                pages.append(Int32(truncatingIfNeeded: page))
                                ends.append(Int32(truncatingIfNeeded: count))
                            }
                        }
                        entries.append(pages.count)
                    }
                    fieldsWritten = count
                }
                written = count
            }
            self.positions = positions
            self.fields = fields
            self.pages = pages
            self.ends = ends
            self.entries = entries
        }

        private init() {}

        /// The stores of consecutive runs of terms as one; each part is let go once copied, so
        /// the whole and the parts are not held twice.
        static func joined(_ parts: inout [Store]) -> Store {
            var whole = Store()
            let occurrences = parts.reduce(0) { $0 + $1.positions.count }, entries = parts.reduce(0) { $0 + $1.pages.count }
            whole.positions.reserveCapacity(occurrences)
            whole.fields.reserveCapacity(occurrences)
            whole.pages.reserveCapacity(entries)
            whole.ends.reserveCapacity(entries)
            parts.reverse()
            while let part = parts.popLast() {
                let entryBase = whole.pages.count, occurrenceBase = Int32(whole.positions.count)
                whole.entries += part.entries.dropFirst().map { $0 + entryBase }
                whole.pages += part.pages
                whole.ends += part.ends.map { $0 + occurrenceBase }
                whole.positions += part.positions
                whole.fields += part.fields
            }
            return whole
        }

        var termCount: Int { entries.count - 1 }
        func occurrences(_ entry: Int) -> Range<Int> { Self.occurrences(entry, ends: ends) }

        private static func occurrences<Ends: RandomAccessCollection<Int32>>(_ entry: Int, ends: Ends) -> Range<Int> where Ends.Index == Int {
            (entry == 0 ? 0 : Int(ends[entry - 1]))..<Int(ends[entry])
        }

        /// The store's arrays as buffer pointers, for the loops over millions of occurrences (an
        /// array checks bounds and uniqueness on every read).
        struct Buffers {
            let positions: UnsafeBufferPointer<Int32>
            let fields: UnsafeBufferPointer<UInt8>
            let pages: UnsafeBufferPointer<Int32>
            let ends: UnsafeBufferPointer<Int32>

            @inline(__always)
            func occurrences(_ entry: Int) -> Range<Int> { Store.occurrences(entry, ends: ends) }
        }

        /// `body` with the store's arrays as buffer pointers.
        func withBuffers<Result>(_ body: (Buffers) -> Result) -> Result {
            positions.withUnsafeBufferPointer { positions in
                fields.withUnsafeBufferPointer { fields in
                    pages.withUnsafeBufferPointer { pages in
                        ends.withUnsafeBufferPointer { ends in
                            body(Buffers(positions: positions, fields: fields, pages: pages, ends: ends))
                        }
                    }
                }
            }
        }
        func count(of term: Int) -> Int {
            entries[term] == entries[term + 1] ? 0 : Int(ends[entries[term + 1] - 1]) - (entries[term] == 0 ? 0 : Int(ends[entries[term] - 1]))
        }
    }

    /// Linked both ways when at least this share of each side's occurrences are the pair's.
    static let linkShare = 0.6
    /// A file's exceptions stay under this share of its root's occurrences.
    static let exceptionShare = 0.5
    /// Links are counted on at most about this many pages, spread evenly: they decide only
    /// which bigrams share a file (the file is exact whatever they decide).
    static let samplePages = 1024

    let files: [File]

    /// The files of `big` (sorted by key) on a site of `pages` pages: every term in exactly one
    /// file, files in the order of their roots. The work is split the same way whatever
    /// `concurrency`, so the files are too.
    static func make(_ big: [SearchIndex.Term], pages: Int, concurrency: Int) async -> BigramGroups {
        let bigrams = big.indices.filter { big[$0].key.first == UInt8(ascii: "b") }
        // The sample: every page up to `samplePages`, else pages spread evenly.
        let sampleStride = max(1, pages / samplePages)
        let chunks = stride(from: 0, to: bigrams.count, by: 16).map { Array(bigrams[$0..<min(bigrams.count, $0 + 16)]) }
        var parts = await ParallelMap.map(chunks, concurrency: concurrency) { terms in Store(terms.map { big[$0].postings }, stride: sampleStride) }
        let links = await Self.links(Store.joined(&parts), stride: sampleStride, concurrency: concurrency)
        var fileOf: [Int: File] = [:]
        var inGroup = Set<Int>()
        for file in Self.trees(links) {
            let terms = file.terms.map { bigrams[$0] }
            fileOf[terms[0]] = File(terms: terms, parents: file.parents)
            inGroup.formUnion(terms.dropFirst())
        }
        let files = big.indices.compactMap { term in
            inGroup.contains(term) ? nil : fileOf[term] ?? File(terms: [term], parents: [-1])
        }
        return BigramGroups(files: files)
    }

    /// Each bigram's parent (a bigram number, or -1) and how many of its occurrences follow it.
    ///
    /// A place holds at most one bigram, so a page's bigrams laid out by place give each
    /// occurrence the one before it; the pairs are counted in one table, and a bigram's
    /// predecessor is the one it follows most often (the lower number on a tie). `store` holds
    /// only pages numbered a multiple of `stride`.
    private static func links(_ store: Store, stride: Int, concurrency: Int) async -> [Link] {
        let terms = store.termCount
        // The sampled pages, up to the last one the store holds (so every entry has its place).
        let sampled = store.pages.max().map { Int($0) / stride + 1 } ?? 0
        // The page entries by sampled page (numbered `page / stride`): `byPage[pageStart[p]..<pageStart[p + 1]]`.
        var pageStart = [Int](repeating: 0, count: sampled + 1)
        var occurrences = [Int](repeating: 0, count: terms)
        for term in 0..<terms {
            for entry in store.entries[term]..<store.entries[term + 1] {
                pageStart[Int(store.pages[entry]) / stride + 1] += 1
                occurrences[term] += store.occurrences(entry).count
            }
        }
        for page in 0..<sampled { pageStart[page + 1] += pageStart[page] }
        var byPage = [Int32](repeating: 0, count: pageStart[sampled])
        var entryTerm = [Int32](repeating: 0, count: store.pages.count)
        do {
            var fill = pageStart
            for term in 0..<terms {
                for entry in store.entries[term]..<store.entries[term + 1] {
                    let page = Int(store.pages[entry]) / stride
                    byPage[fill[page]] = Int32(entry)
                    fill[page] += 1
                    entryTerm[entry] = Int32(term)
                }
            }
        }
        let size = Int(store.positions.max() ?? 0) + 2
        let starts = pageStart, entries = byPage, owners = entryTerm
        let ranges = Swift.stride(from: 0, to: sampled, by: 128).map { $0..<min(sampled, $0 + 128) }
        let counted = await ParallelMap.map(ranges, concurrency: concurrency) { pages in
            countPairs(on: pages, pageStart: starts, byPage: entries, entryTerm: owners, store: store, size: size)
        }
        var pairs = KeyTable()
        var pairKeys: [UInt64] = []
        var pairCounts: [Int] = []
        for (keys, counts) in counted {
            for (key, count) in zip(keys, counts) {
                let number = pairs.index(of: key, orAdd: Int32(pairKeys.count))
                if number == pairKeys.count {
                    pairKeys.append(key)
                    pairCounts.append(0)
                }
                pairCounts[number] += count
            }
        }
        var best = [(parent: Int, aligned: Int)](repeating: (-1, 0), count: terms)
        for (key, count) in zip(pairKeys, pairCounts) {
            let term = Int(key >> 32), before = Int(key & 0xFFFF_FFFF)
            if count > best[term].aligned || (count == best[term].aligned && before < best[term].parent) { best[term] = (before, count) }
        }
        return best.indices.map { term in
            let (parent, aligned) = best[term]
            let share = Double(aligned)
            let linked = parent >= 0 && share >= linkShare * Double(occurrences[term]) && share >= linkShare * Double(occurrences[parent])
            return Link(parent: linked ? parent : -1, aligned: linked ? aligned : 0, occurrences: occurrences[term])
        }
    }

    /// A bigram's link, counted over the sampled pages: its parent (-1: none), how many of its
    /// occurrences follow the parent, and how many it has.
    struct Link {
        var parent: Int
        var aligned: Int
        var occurrences: Int
    }

    /// The (bigram, bigram one place before) pairs of `pages` and their counts.
    private static func countPairs(on pages: Range<Int>, pageStart: [Int], byPage: [Int32], entryTerm: [Int32], store: Store, size: Int) -> ([UInt64], [Int]) {
        var termAt = [Int32](repeating: -1, count: size)
        var fieldAt = [UInt8](repeating: 0, count: size)
        var pairs = KeyTable()
        var pairKeys: [UInt64] = []
        var pairCounts: [Int] = []
        store.withBuffers { store in
        termAt.withUnsafeMutableBufferPointer { termAt in
        fieldAt.withUnsafeMutableBufferPointer { fieldAt in
            for page in pages {
                var last = 0
                for place in pageStart[page]..<pageStart[page + 1] {
                    let entry = Int(byPage[place]), term = entryTerm[entry]
                    for k in store.occurrences(entry) {
                        let position = Int(store.positions[k])
                        termAt[position] = term
                        fieldAt[position] = store.fields[k]
                        last = max(last, position)
                    }
                }
                var before = termAt[0]
                termAt[0] = -1
                for position in stride(from: 1, through: last, by: 1) {
                    let term = termAt[position]
                    if term >= 0 && before >= 0 && term != before && fieldAt[position] == fieldAt[position - 1] {
                        let key = UInt64(UInt32(term)) << 32 | UInt64(UInt32(before))
                        let number = pairs.index(of: key, orAdd: Int32(pairKeys.count))
                        if number == pairKeys.count {
                            pairKeys.append(key)
                            pairCounts.append(0)
                        }
                        pairCounts[number] += 1
                    }
                    before = term
                    termAt[position] = -1
                }
            }
        }}}
        return (pairKeys, pairCounts)
    }

    /// The links as files: cycles cut, each tree from its root in breadth-first order, a file's
    /// exceptions bounded (a term past the bound roots a file of its own).
    private static func trees(_ links: [Link]) -> [File] {
        var parent = links.map(\.parent)
        // Cut cycles: walk up from each term; a walk that comes back to itself cuts its last link.
        var state = [UInt8](repeating: 0, count: parent.count)  // 0 unseen, 1 on the walk, 2 done
        for start in parent.indices where state[start] == 0 {
            var walk: [Int] = []
            var term = start
            while term >= 0 && state[term] == 0 {
                state[term] = 1
                walk.append(term)
                term = parent[term]
            }
            if term >= 0 && state[term] == 1, let last = walk.last { parent[last] = -1 }
            for step in walk { state[step] = 2 }
        }
        var children = [[Int]](repeating: [], count: parent.count)
        for term in parent.indices where parent[term] >= 0 { children[parent[term]].append(term) }
        var files: [File] = []
        var roots = parent.indices.filter { parent[$0] < 0 && !children[$0].isEmpty }
        var next = 0
        while next < roots.count {
            let root = roots[next]
            next += 1
            var file = File(terms: [root], parents: [-1])
            var budget = exceptionShare * Double(links[root].occurrences)
            var head = 0
            while head < file.terms.count {
                let place = head
                head += 1
                for child in children[file.terms[place]] {
                    let exceptions = Double(links[child].occurrences - links[child].aligned)
                    if exceptions <= budget {
                        budget -= exceptions
                        file.terms.append(child)
                        file.parents.append(place)
                    } else if !children[child].isEmpty {
                        roots.append(child)
                    }
                }
            }
            if file.terms.count > 1 { files.append(file) }
        }
        return files
    }

    /// A file's bytes: the first term as in a shard, then each other term: key length and key,
    /// its parent's place in the file, per page of the parent's postings the number of the
    /// parent's occurrences it does not follow (one place later, same field) and their indices
    /// (each as its increase over the previous one, less one), then its other occurrences as
    /// postings.
    static func bytes(_ file: File, big: [SearchIndex.Term]) -> [UInt8] {
        var out: [UInt8] = []
        let root = big[file.terms[0]]
        guard file.terms.count > 1 else {
            out.reserveCapacity(root.key.count + root.postings.count + 5)
            SearchIndex.append(root, to: &out)
            return out
        }
        // The file's bigrams in full, numbered by their place in the file.
        let store = Store(file.terms.map { big[$0].postings })
        // Room for the most the other terms can take (a varint is at most 5 bytes here): per
        // term its key and parent, per page of its parent a miss count and each miss, then its
        // page count and per page of its own the page, the count and each occurrence.
        var room = root.key.count + root.postings.count + 5
        var most = 0
        for place in file.terms.indices.dropFirst() {
            let mine = place, theirs = file.parents[place]
            let theirEntries = store.entries[theirs + 1] - store.entries[theirs], myEntries = store.entries[mine + 1] - store.entries[mine]
            room += 15 + big[file.terms[place]].key.count + 5 * (theirEntries + store.count(of: theirs)) + 10 * myEntries + 5 * store.count(of: mine)
            most = max(most, store.count(of: mine), store.count(of: theirs))
        }
        out = [UInt8](unsafeUninitializedCapacity: room) { buffer, written in
            var at = 0
            SearchIndex.writeVarint(UInt64(root.key.count), to: buffer, at: &at)
            for byte in root.key { buffer[at] = byte; at += 1 }
            root.postings.withUnsafeBufferPointer { postings in
                if let base = postings.baseAddress { (buffer.baseAddress! + at).initialize(from: base, count: postings.count) }
            }
            at += root.postings.count
            var used = [Bool](repeating: false, count: most), misses = [Int](repeating: 0, count: most), left = [Int32]()
            store.withBuffers { stored in
            used.withUnsafeMutableBufferPointer { used in
            misses.withUnsafeMutableBufferPointer { misses in
                for place in file.terms.indices.dropFirst() {
                    let term = big[file.terms[place]]
                    let mine = place, theirs = file.parents[place]
                    SearchIndex.writeVarint(UInt64(term.key.count), to: buffer, at: &at)
                    for byte in term.key { buffer[at] = byte; at += 1 }
                    SearchIndex.writeVarint(UInt64(theirs), to: buffer, at: &at)
                    let myEntries = store.entries[mine]..<store.entries[mine + 1]
                    let firstOccurrence = myEntries.isEmpty ? 0 : stored.occurrences(myEntries.lowerBound).lowerBound
                    let myCount = store.count(of: mine)
                    for k in 0..<myCount { used[k] = false }
                    var entry = myEntries.lowerBound
                    for theirEntry in store.entries[theirs]..<store.entries[theirs + 1] {
                        let page = stored.pages[theirEntry]
                        while entry < myEntries.upperBound && stored.pages[entry] < page { entry += 1 }
                        let here = entry < myEntries.upperBound && stored.pages[entry] == page ? stored.occurrences(entry) : 0..<0
                        var k = here.lowerBound
                        var missCount = 0
                        let theirOccurrences = stored.occurrences(theirEntry)
                        for occurrence in theirOccurrences {
                            let wanted = stored.positions[occurrence] + 1
                            while k < here.upperBound && stored.positions[k] < wanted { k += 1 }
                            if k < here.upperBound && stored.positions[k] == wanted && stored.fields[k] == stored.fields[occurrence] {
                                used[k - firstOccurrence] = true
                            } else {
                                misses[missCount] = occurrence - theirOccurrences.lowerBound
                                missCount += 1
                            }
                        }
                        SearchIndex.writeVarint(UInt64(missCount), to: buffer, at: &at)
                        var previous = -1
                        for miss in misses[0..<missCount] {
                            SearchIndex.writeVarint(UInt64(miss - previous - 1), to: buffer, at: &at)
                            previous = miss
                        }
                    }
                    // The other occurrences, as postings: the pages that have some, then each page's.
                    left.removeAll(keepingCapacity: true)
                    var pageCount = 0
                    for entry in myEntries {
                        var count: Int32 = 0
                        for k in stored.occurrences(entry) where !used[k - firstOccurrence] { count += 1 }
                        left.append(count)
                        if count > 0 { pageCount += 1 }
                    }
                    SearchIndex.writeVarint(UInt64(pageCount), to: buffer, at: &at)
                    var previousPage: Int32 = -1
                    for entry in myEntries where left[entry - myEntries.lowerBound] > 0 {
                        SearchIndex.writeVarint(UInt64(stored.pages[entry] - previousPage), to: buffer, at: &at)
                        previousPage = stored.pages[entry]
                        SearchIndex.writeVarint(UInt64(left[entry - myEntries.lowerBound]), to: buffer, at: &at)
                        var position: Int32 = 0
                        for k in stored.occurrences(entry) where !used[k - firstOccurrence] {
                            SearchIndex.writeVarint(UInt64(stored.positions[k] - position) << 2 | UInt64(stored.fields[k]), to: buffer, at: &at)
                            position = stored.positions[k]
                        }
                    }
                }
            }}}
            written = at
        }
        return out
    }
}
