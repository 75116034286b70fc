import Synchronization
import Testing
@testable import KairanCore

/// The build's one parallel map: results in input order whatever the scheduling, over chunks
/// that shrink towards the end so no core waits long for another's last chunk.
@Suite struct ParallelMapTests {
    @Test(arguments: [1, 2, 31, 32, 33, 100, 5_506])
    func chunksCoverEveryInputOnceInOrderAndShrink(count: Int) {
        for workers in [2, 3, 8] {
            let ranges = ParallelMap.chunks(count, workers: workers)
            #expect(ranges.first?.lowerBound == 0)
            #expect(ranges.last?.upperBound == count)
            for (earlier, later) in zip(ranges, ranges.dropFirst()) {
                #expect(earlier.upperBound == later.lowerBound)
                #expect(earlier.count >= later.count)
            }
            #expect(ranges.allSatisfy { !$0.isEmpty })
            // The last chunks are single inputs; the first is a sixteenth of the share of a worker.
            #expect(ranges.last?.count == 1)
            #expect(ranges.first?.count == max(1, count / (workers * 16)))
        }
    }

    @Test func resultsComeInInputOrderWhateverTheTasks() async {
        let inputs = Array(0..<3_000)
        for concurrency in [1, 2, 8] {
            // Uneven work: every 97th input takes far longer than the others, so chunks finish
            // out of order.
            let outputs = await ParallelMap.map(inputs, concurrency: concurrency) { value -> (Int, Int) in
                var sum = 0
                for step in 0..<(value % 97 == 0 ? 20_000 : 10) { sum &+= step ^ value }
                return (value, sum)
            }
            #expect(outputs.map { $0.0 } == inputs)
        }
    }

    /// Dispatched costliest first, returned in input order: each input is transformed exactly
    /// once and its output lands at its own index; with one task the dispatch order itself is
    /// seen: by cost, ties in input order.
    @Test func costliestFirstReturnsInInputOrder() async {
        let inputs = (0..<500).map { ($0 * 7_919) % 1_013 }
        let costliestFirst = inputs.indices.sorted { (inputs[$0] % 10, -$0) > (inputs[$1] % 10, -$1) }.map { inputs[$0] }
        let dispatched = Mutex<[Int]>([])
        for concurrency in [1, 2, 8] {
            dispatched.withLock { $0 = [] }
            let outputs = await ParallelMap.map(inputs, concurrency: concurrency, costliestFirst: { $0 % 10 }) { value -> Int in
                dispatched.withLock { $0.append(value) }
                return value * 2
            }
            let order = dispatched.withLock { $0 }
            #expect(outputs == inputs.map { $0 * 2 })
            #expect(order.sorted() == inputs.sorted())
            if concurrency == 1 { #expect(order == costliestFirst) }
        }
    }
}
