extension Array {
    /// Makes the array hold at least `needed` elements, new ones set to `filler`: grown by
    /// doubling (and by at least `minimum`), so buffers the index writes into through pointers,
    /// page after page, cost what they end up holding, not their worst case.
    mutating func makeRoom(for needed: Int, filling filler: Element, minimum: Int = 0) {
        if count < needed { self += repeatElement(filler, count: Swift.max(needed - count, count, minimum)) }
    }
}
