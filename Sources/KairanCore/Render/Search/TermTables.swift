/// The counting tables the search index is made with: numbers for term keys, a page's
/// occurrences grouped by term, a page's characters counted per field.

/// An open-addressing table from term keys to numbers, for tables of many terms.
struct KeyTable {
    private var keys = [UInt64](repeating: 0, count: 1024)
    private var values = [Int32](repeating: -1, count: 1024)
    private var count = 0
    /// Slots in use, so emptying touches only them.
    private var used: [Int32] = []

    /// Empties the table, keeping its size.
    mutating func removeAll() {
        for slot in used { values[Int(slot)] = -1 }
        used.removeAll(keepingCapacity: true)
        count = 0
    }

    /// The number of `key`; `new` (and it is stored) when the key is not in the table.
    @inline(__always)
    mutating func index(of key: UInt64, orAdd new: Int32) -> Int {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while values[slot] >= 0 {
            if keys[slot] == key { return Int(values[slot]) }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = new
        used.append(Int32(slot))
        count += 1
        if count * 2 > keys.count { grow() }
        return Int(new)
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        let mask = keys.count - 1
        used.removeAll(keepingCapacity: true)
        for (key, value) in zip(oldKeys, oldValues) where value >= 0 {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while values[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
            used.append(Int32(slot))
        }
    }
}

/// The terms of a run of pages, numbered in order of first use, and the current page's
/// occurrences grouped by term in the order they come (so by position), without sorting and
/// with one table lookup per occurrence: a term's place in the run is its number on every page.
struct TermGrouper {
    /// A term's place on the current page: valid when `page` is the current page.
    private struct Slot {
        var page: Int32 = -1
        var head: Int32 = -1
        var tail: Int32 = -1
        var count: Int32 = 0
    }

    /// One occurrence: its code and the next occurrence of its term (−1: none).
    private struct Event {
        var code: UInt32
        var next: Int32
    }

    private var table = KeyTable()
    private var keys: [UInt64] = []
    private var slots: [Slot] = []
    /// The current page's terms, in order of first use, and its occurrences.
    private(set) var pageTerms: [Int32] = []
    private var events: [Event] = []
    private var page: Int32 = -1

    /// The run's terms so far.
    var termCount: Int { keys.count }

    func key(_ term: Int) -> UInt64 { keys[term] }

    /// Starts the next page (its occurrences replace the previous page's).
    mutating func begin(page: Int32) {
        self.page = page
        pageTerms.removeAll(keepingCapacity: true)
        events.removeAll(keepingCapacity: true)
    }

    /// The number of `key`, made if new (for terms counted elsewhere, without occurrences).
    @inline(__always)
    mutating func number(of key: UInt64) -> Int {
        let term = table.index(of: key, orAdd: Int32(keys.count))
        if term == keys.count {
            keys.append(key)
            slots.append(Slot())
        }
        return term
    }

    @inline(__always)
    mutating func add(_ key: UInt64, _ code: UInt32) {
        let term = number(of: key)
        let event = Int32(events.count)
        events.append(Event(code: code, next: -1))
        let slot = slots[term]
        if slot.page != page {
            slots[term] = Slot(page: page, head: event, tail: event, count: 1)
            pageTerms.append(Int32(term))
        } else {
            events[Int(slot.tail)].next = event
            slots[term] = Slot(page: page, head: slot.head, tail: event, count: slot.count + 1)
        }
    }

    /// How often `term` occurs on the current page.
    func occurrences(_ term: Int) -> Int { Int(slots[term].count) }

    /// Appends each occurrence of `term` on the current page, in order, as the index stores it:
    /// a varint of `(position increase << 2) | field`.
    func appendCodes(_ term: Int, to out: inout [UInt8]) {
        var event = slots[term].head
        var previous: UInt32 = 0
        while event >= 0 {
            let occurrence = events[Int(event)]
            let position = occurrence.code >> 2
            SearchIndex.appendVarint(UInt64((position - previous) << 2 | (occurrence.code & 3)), to: &out)
            previous = position
            event = occurrence.next
        }
    }
}

/// Counts of each Japanese character of a page per field: a table for the BMP, reused page after
/// page by one worker (only the touched entries are cleared).
struct CharacterCounter {
    private var table = [UInt32](repeating: 0, count: 0x10000 * 3)
    private var others: [UInt32: (UInt32, UInt32, UInt32)] = [:]
    private var touched: [UInt32] = []

    mutating func add(_ value: UInt32, field: UInt32) {
        guard value < 0x10000 else {
            var count = others[value] ?? (0, 0, 0)
            switch field { case 2: count.0 += 1; case 1: count.1 += 1; default: count.2 += 1 }
            others[value] = count
            return
        }
        let base = Int(value) * 3
        if table[base] == 0 && table[base + 1] == 0 && table[base + 2] == 0 { touched.append(value) }
        table[base + (field == 2 ? 0 : field == 1 ? 1 : 2)] += 1
    }

    /// Every counted character with its (title, heading, body) counts; the counter is then empty.
    mutating func drain() -> [(UInt32, (UInt32, UInt32, UInt32))] {
        var result = touched.map { value -> (UInt32, (UInt32, UInt32, UInt32)) in
            let base = Int(value) * 3
            defer { table[base] = 0; table[base + 1] = 0; table[base + 2] = 0 }
            return (value, (table[base], table[base + 1], table[base + 2]))
        }
        result += others.map { ($0.key, $0.value) }
        touched.removeAll(keepingCapacity: true)
        others.removeAll()
        return result
    }
}
