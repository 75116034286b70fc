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
        // Many small chunks per worker keep every core busy to the end when some items are slower.
        let chunkCount = min(inputs.count, workers * 32)
        let chunkSize = (inputs.count + chunkCount - 1) / chunkCount
        return await withTaskGroup(of: (Int, [Output]).self) { group in
            var next = 0
            var chunks = [[Output]](repeating: [], count: (inputs.count + chunkSize - 1) / chunkSize)
            func submit(_ index: Int) {
                let range = (index * chunkSize)..<min(inputs.count, (index + 1) * chunkSize)
                let slice = Array(inputs[range])
                group.addTask { (index, slice.map(transform)) }
            }
            while next < min(workers, chunks.count) { submit(next); next += 1 }
            for await (index, output) in group {
                chunks[index] = output
                if next < chunks.count { submit(next); next += 1 }
            }
            return chunks.flatMap { $0 }
        }
    }
}
