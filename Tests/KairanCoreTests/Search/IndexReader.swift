@testable import KairanCore

/// The index's binary files read as the client reads them: varints (`SearchIndex.readVarint`),
/// keys, postings. Shared by the search suites.
struct IndexReader {
    typealias Postings = [(page: Int, positions: [Int], fields: [Int])]

    let bytes: [UInt8]
    var at = 0

    var atEnd: Bool { at >= bytes.count }

    mutating func varint() -> Int {
        bytes.withUnsafeBufferPointer { SearchIndex.readVarint($0, at: &at) }
    }

    mutating func key() -> String {
        let length = varint()
        defer { at += length }
        return String(decoding: bytes[at..<min(bytes.count, at + length)], as: UTF8.self)
    }

    /// A term's postings: per page its numbers as written, `count` of them (the three field
    /// counts of a one-character term) or, when nil, as many as the page's count says.
    mutating func numbers(count: Int? = nil) -> [(page: Int, numbers: [Int])] {
        var page = -1
        return (0..<varint()).map { _ in
            page += varint()
            let n = count ?? varint()
            return (page, (0..<n).map { _ in varint() })
        }
    }

    /// A positional term's postings, positions and fields decoded.
    mutating func postings() -> Postings {
        numbers().map { entry in
            var position = 0
            let positions = entry.numbers.map { code in position += code >> 2; return position }
            return (entry.page, positions, entry.numbers.map { $0 & 3 })
        }
    }
}
