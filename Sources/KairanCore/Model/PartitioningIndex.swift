extension RandomAccessCollection {
    /// The first index whose element belongs in the second part, in a collection where every such
    /// element comes after every other one (a sorted list: the first not below a value); `endIndex`
    /// when there is none. A binary search.
    func partitioningIndex(where belongsInSecondPart: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if try belongsInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
