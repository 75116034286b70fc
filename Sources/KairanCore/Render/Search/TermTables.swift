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

/// A page's term occurrences grouped by term, in the order they come (so by position), without
/// sorting: each term (numbered by a `KeyTable` in order of first use) with a list of its
/// occurrences. Reused page after page by one worker.
struct TermGrouper {
    private var table = KeyTable()
    private var keys: [UInt64] = []
    private var heads: [Int32] = []
    private var tails: [Int32] = []
    private var counts: [Int32] = []
    private var next: [Int32] = []
    private var codes: [UInt32] = []

    /// Empties the grouper (its table keeps its size: a long page repeats its terms, so the table
    /// grows with distinct terms, not with occurrences).
    mutating func reset() {
        table.removeAll()
        keys.removeAll(keepingCapacity: true)
        heads.removeAll(keepingCapacity: true)
        tails.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        codes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func add(_ key: UInt64, _ code: UInt32) {
        let term = table.index(of: key, orAdd: Int32(keys.count))
        let event = Int32(codes.count)
        codes.append(code)
        next.append(-1)
        if term == keys.count {
            keys.append(key)
            heads.append(event)
            tails.append(event)
            counts.append(1)
        } else {
            next[Int(tails[term])] = event
            tails[term] = event
            counts[term] += 1
        }
    }

    /// The page's distinct terms, numbered in order of first use.
    var termCount: Int { keys.count }

    func key(_ term: Int) -> UInt64 { keys[term] }

    func occurrences(_ term: Int) -> Int { Int(counts[term]) }

    /// Appends each occurrence of `term`, in order, as the index stores it: a varint of
    /// `(position increase << 2) | field`.
    func appendCodes(_ term: Int, to out: inout [UInt8]) {
        var event = heads[term]
        var previous: UInt32 = 0
        while event >= 0 {
            let code = codes[Int(event)]
            let position = code >> 2
            SearchIndex.appendVarint(UInt64((position - previous) << 2 | (code & 3)), to: &out)
            previous = position
            event = next[Int(event)]
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
