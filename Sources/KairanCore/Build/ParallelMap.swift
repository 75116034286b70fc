/// Order-preserving parallel map over chunks: results come back in input order whatever the
/// scheduling, which keeps every build byte-identical for any thread count.
public enum ParallelMap {
    /// Applies `transform` to every element on up to `concurrency` tasks; the result is in input order.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], concurrency: Int, _ transform: @escaping @Sendable (Input) -> Output
    ) async -> [Output] {
        if inputs.isEmpty { return [] }
        let workers = max(1, min(concurrency, inputs.count))
        if workers == 1 { return inputs.map(transform) }
        let ranges = chunks(inputs.count, workers: workers)
        return await withTaskGroup(of: (Int, [Output]).self) { group in
            var next = 0
            var chunks = [[Output]](repeating: [], count: ranges.count)
            func submit(_ index: Int) {
                let slice = Array(inputs[ranges[index]])
                group.addTask { (index, slice.map(transform)) }
            }
            while next < min(workers, ranges.count) { submit(next); next += 1 }
            for await (index, output) in group {
                chunks[index] = output
                if next < ranges.count { submit(next); next += 1 }
            }
            return joined(&chunks)
        }
    }

    /// The chunks' outputs one after the other, moved out of them (no output is copied and then
    /// let go: the outputs' strings and arrays are thousands of reference counts).
    private static func joined<Output>(_ chunks: inout [[Output]]) -> [Output] {
        var outputs: [Output] = []
        outputs.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        // Taken from the end (`popLast` moves an element out), then put back in order.
        for index in chunks.indices.reversed() {
            while let output = chunks[index].popLast() { outputs.append(output) }
        }
        outputs.reverse()
        return outputs
    }

    /// `map`, with the inputs taken costliest first (by `cost`, ties in input order) so that no
    /// large input is left to the end for one core while the others wait; the result is still
    /// in input order.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], concurrency: Int, costliestFirst cost: (Input) -> Int, _ transform: @escaping @Sendable (Input) -> Output
    ) async -> [Output] {
        let costs = inputs.map(cost)
        let order = inputs.indices.sorted { costs[$0] != costs[$1] ? costs[$0] > costs[$1] : $0 < $1 }
        var outputs = await map(order.map { inputs[$0] }, concurrency: concurrency, transform)
        // Each output put back at its input's index by swaps along the permutation's cycles
        // (moves, never copies): `destination[place]` is where the output now at `place` belongs.
        var destination = order
        for place in outputs.indices {
            while destination[place] != place {
                let other = destination[place]
                outputs.swapAt(place, other)
                destination.swapAt(place, other)
            }
        }
        return outputs
    }

    /// The chunks `count` inputs are taken in, in order: each a sixteenth of what is left per
    /// worker (at least one input), so the first are large (few tasks) and the last are single
    /// inputs, and no core waits long for the last chunk of another (guided scheduling).
    static func chunks(_ count: Int, workers: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < count {
            let size = max(1, (count - start) / (workers * 16))
            ranges.append(start..<(start + size))
            start += size
        }
        return ranges
    }
}
