/// The counting tables the search index is made with: numbers for term keys, a page's
/// occurrences grouped by term, a page's characters counted per field.
///
/// They take millions of lookups and writes per build, so their loops work on buffer pointers
/// (an array checks uniqueness and bounds on every write): a loop stops when a table runs out of
/// room, the table grows (by doubling: memory follows what a page holds, not its worst case), and
/// the loop goes on.

/// An open-addressing table from term keys to numbers.
struct KeyTable {
    fileprivate struct Slot {
        var key: UInt64 = 0
        var value: Int32 = -1
    }

    fileprivate var slots = [Slot](repeating: Slot(), count: 1024)
    private(set) var count = 0

    /// Makes sure `more` keys can be added without the table growing.
    mutating func reserve(_ more: Int) {
        while (count + more) * 2 > slots.count { grow() }
    }

    /// The number of `key`; `new` (and it is stored) when the key is not in the table.
    @inline(__always)
    mutating func index(of key: UInt64, orAdd new: Int32) -> Int {
        reserve(1)
        let (index, added) = slots.withUnsafeMutableBufferPointer { KeyTable.index(of: key, orAdd: new, in: $0) }
        if added { count += 1 }
        return index
    }

    /// The lookup on the slots themselves: the number and whether it was added. The caller has
    /// reserved room (the table stays at most half full, so a free slot is always found).
    @inline(__always)
    fileprivate static func index(of key: UInt64, orAdd new: Int32, in slots: UnsafeMutableBufferPointer<Slot>) -> (Int, Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while slots[slot].value >= 0 {
            if slots[slot].key == key { return (Int(slots[slot].value), false) }
            slot = (slot + 1) & mask
        }
        slots[slot] = Slot(key: key, value: new)
        return (Int(new), true)
    }

    fileprivate mutating func added(_ keys: Int) { count += keys }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.value >= 0 {
            var slot = Int(truncatingIfNeeded: (entry.key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while slots[slot].value >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}

/// The terms of a run of pages, numbered in order of first use, and the current page's
/// occurrences grouped by term in the order they come (so by position), without sorting and
/// with one table lookup per occurrence: a term's place in the run is its number on every page.
struct TermGrouper {
    /// A term: its key, and its place on the current page (valid when `page` is the current page).
    fileprivate struct Term {
        var key: UInt64 = 0
        var page: Int32 = -1
        var head: Int32 = -1
        var tail: Int32 = -1
        var count: Int32 = 0
    }

    /// One occurrence: its code and the next occurrence of its term (−1: none).
    fileprivate struct Event {
        var code: UInt32 = 0
        var next: Int32 = -1
    }

    private var table = KeyTable()
    /// The run's terms: the first `termCount` are in use (the rest is room).
    private var terms: [Term] = []
    private(set) var termCount = 0
    /// The current page's terms, in order of first use (the first `pageTermCount`), and its
    /// occurrences (the first `eventCount`).
    private var pageTerms: [Int32] = []
    private(set) var pageTermCount = 0
    private var events: [Event] = []
    private var eventCount = 0
    private var page: Int32 = -1

    func key(_ term: Int) -> UInt64 { terms[term].key }

    /// Starts the next page, which adds at most `occurrences` occurrences; its occurrences
    /// replace the previous page's.
    mutating func begin(page: Int32, occurrences: Int) {
        self.page = page
        pageTermCount = 0
        eventCount = 0
        if events.count < occurrences { events = [Event](repeating: Event(), count: occurrences) }
    }

    /// Room for `more` new terms: grown by doubling, so a page with many new terms costs what it
    /// holds, not its worst case.
    private mutating func reserveTerms(_ more: Int) {
        table.reserve(more)
        terms.makeRoom(for: termCount + more, filling: Term(), minimum: 1024)
    }

    /// Room for `more` more of the page's terms, grown the same way.
    private mutating func reservePageTerms(_ more: Int) {
        pageTerms.makeRoom(for: pageTermCount + more, filling: 0, minimum: 1024)
    }

    /// The number of `key`, made if new (for terms counted elsewhere, without occurrences).
    mutating func number(of key: UInt64) -> Int {
        reserveTerms(1)
        let term = table.index(of: key, orAdd: Int32(termCount))
        if term == termCount {
            terms[term] = Term(key: key)
            termCount += 1
        }
        return term
    }

    /// Groups the occurrences of a page's tokens (`SearchText.Tokenizer`'s values and codes,
    /// words by their number in the run): each Japanese character starts a run (`s`) when the
    /// token before it is not its neighbour, and makes a bigram (`b`) with the next token when
    /// that is a neighbouring character, else ends a run (`e`); each word is a `w` term.
    /// At most twice as many occurrences as tokens: `begin` must have made room for them.
    mutating func add(values: UnsafeBufferPointer<UInt32>, codes: UnsafeBufferPointer<UInt32>, words: [UInt32]) {
        var start = 0
        while start < values.count {
            // A token adds at most two terms: room for a stretch of tokens, then the stretch.
            let stretch = 2 * min(values.count - start, 4096)
            reserveTerms(stretch)
            reservePageTerms(stretch)
            start = add(values: values, codes: codes, words: words, from: start)
        }
    }

    /// Groups tokens from `start` on while the tables have room (two new terms per token), and
    /// returns where it stopped.
    private mutating func add(values: UnsafeBufferPointer<UInt32>, codes: UnsafeBufferPointer<UInt32>, words: [UInt32], from start: Int) -> Int {
        let wordFlag = SearchText.Tokenizer.wordFlag
        let page = self.page
        var termCount = self.termCount, pageTermCount = self.pageTermCount, eventCount = self.eventCount
        let termRoom = terms.count - 2, pageTermRoom = pageTerms.count - 2, keyRoom = table.slots.count / 2 - table.count - 2
        var added = 0
        var index = start
        table.slots.withUnsafeMutableBufferPointer { slots in
            terms.withUnsafeMutableBufferPointer { terms in
                events.withUnsafeMutableBufferPointer { events in
                    pageTerms.withUnsafeMutableBufferPointer { pageTerms in
                        @inline(__always)
                        func add(_ key: UInt64, _ code: UInt32) {
                            let (term, isNew) = KeyTable.index(of: key, orAdd: Int32(termCount), in: slots)
                            if isNew {
                                terms[term] = Term(key: key)
                                termCount += 1
                                added += 1
                            }
                            let event = Int32(eventCount)
                            events[eventCount] = Event(code: code, next: -1)
                            eventCount += 1
                            let place = terms[term]
                            if place.page != page {
                                terms[term] = Term(key: key, page: page, head: event, tail: event, count: 1)
                                pageTerms[pageTermCount] = Int32(term)
                                pageTermCount += 1
                            } else {
                                events[Int(place.tail)].next = event
                                terms[term] = Term(key: key, page: page, head: place.head, tail: event, count: place.count + 1)
                            }
                        }
                        let count = values.count
                        while index < count, termCount <= termRoom, pageTermCount <= pageTermRoom, added <= keyRoom {
                            let value = values[index], code = codes[index]
                            defer { index += 1 }
                            if value & wordFlag != 0 {
                                add(CharacterTerm.key(CharacterTerm.word, words[Int(value & ~wordFlag)]), code)
                                continue
                            }
                            let position = code >> 2
                            let previousAdjacent = index > 0 && values[index - 1] & wordFlag == 0 && codes[index - 1] >> 2 == position - 1
                            if !previousAdjacent { add(CharacterTerm.key(CharacterTerm.runStart, value), code) }
                            if index + 1 < count, values[index + 1] & wordFlag == 0, codes[index + 1] >> 2 == position + 1 {
                                add(CharacterTerm.key(CharacterTerm.bigram, value, values[index + 1]), code)
                            } else {
                                add(CharacterTerm.key(CharacterTerm.runEnd, value), code)
                            }
                        }
                    }
                }
            }
        }
        table.added(added)
        self.termCount = termCount
        self.pageTermCount = pageTermCount
        self.eventCount = eventCount
        return index
    }

    /// The current page's terms and occurrences, read through buffer pointers (a few million
    /// parts per build are written from them).
    struct PageTerms {
        fileprivate let pageTerms: UnsafeBufferPointer<Int32>
        fileprivate let terms: UnsafeBufferPointer<Term>
        fileprivate let events: UnsafeBufferPointer<Event>

        /// How many terms the page has.
        var count: Int { pageTerms.count }

        /// The page's `n`th term.
        @inline(__always)
        func term(_ n: Int) -> Int { Int(pageTerms[n]) }

        /// How often `term` occurs on the page.
        @inline(__always)
        func occurrences(_ term: Int) -> Int { Int(terms[term].count) }

        /// Writes each occurrence of `term` on the page at `at` in `out`, in order, as the index
        /// stores it: a varint of `(position increase << 2) | field` (at most 5 bytes each).
        @inline(__always)
        func writeCodes(_ term: Int, to out: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
            var event = terms[term].head
            var previous: UInt32 = 0
            while event >= 0 {
                let occurrence = events[Int(event)]
                let position = occurrence.code >> 2
                SearchIndex.writeVarint(UInt64((position - previous) << 2 | (occurrence.code & 3)), to: out, at: &at)
                previous = position
                event = occurrence.next
            }
        }
    }

    /// `body` with the current page's terms.
    func withPageTerms<Result>(_ body: (PageTerms) -> Result) -> Result {
        pageTerms.withUnsafeBufferPointer { pageTerms in
            terms.withUnsafeBufferPointer { terms in
                events.withUnsafeBufferPointer { events in
                    body(PageTerms(pageTerms: UnsafeBufferPointer(rebasing: pageTerms[..<pageTermCount]), terms: terms, events: events))
                }
            }
        }
    }
}

/// Counts of each Japanese character of a page per field: a table for the BMP, reused page after
/// page by one worker. Each character's entry holds its counts in the title, the headings and the
/// body, and the number of the page they count: an entry last counted on an earlier page starts
/// again from zero, so nothing is cleared between pages.
struct CharacterCounter {
    private var table = [UInt32](repeating: 0, count: 0x10000 * 4)
    /// The current page's number in the table (entries of 0 were never counted).
    private var page: UInt32 = 1
    private var others: [UInt32: (UInt32, UInt32, UInt32)] = [:]
    private var touched: [UInt32] = []

    /// Counts the Japanese characters among a page's tokens (`SearchText.Tokenizer`'s values and
    /// codes; words are skipped), each in its field.
    mutating func add(values: UnsafeBufferPointer<UInt32>, codes: UnsafeBufferPointer<UInt32>) {
        let wordFlag = SearchText.Tokenizer.wordFlag
        let page = self.page
        var rare: [(UInt32, UInt32)] = []
        table.withUnsafeMutableBufferPointer { table in
            for index in 0..<values.count {
                let value = values[index]
                guard value & wordFlag == 0 else { continue }
                let field = codes[index] & 3
                guard value < 0x10000 else {
                    rare.append((value, field))
                    continue
                }
                let base = Int(value) * 4
                if table[base + 3] != page {
                    table[base] = 0
                    table[base + 1] = 0
                    table[base + 2] = 0
                    table[base + 3] = page
                    touched.append(value)
                }
                // Title (field 2) first, then headings (1), then the body (0).
                table[base + (field == 2 ? 0 : field == 1 ? 1 : 2)] += 1
            }
        }
        for (value, field) in rare {
            var count = others[value] ?? (0, 0, 0)
            switch field { case 2: count.0 += 1; case 1: count.1 += 1; default: count.2 += 1 }
            others[value] = count
        }
    }

    /// Every counted character with its (title, heading, body) counts; the counter is then empty.
    mutating func drain() -> [(UInt32, (UInt32, UInt32, UInt32))] {
        var result = table.withUnsafeBufferPointer { table in
            touched.map { value -> (UInt32, (UInt32, UInt32, UInt32)) in
                let base = Int(value) * 4
                return (value, (table[base], table[base + 1], table[base + 2]))
            }
        }
        result += others.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }  // in a fixed order, as the table's
        touched.removeAll(keepingCapacity: true)
        others.removeAll()
        page += 1
        return result
    }
}
