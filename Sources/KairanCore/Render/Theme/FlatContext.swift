/// A page's context laid out flat for one render: every value a plain record in one array, every
/// text in one byte buffer, each map's keys packed beside its values. It lets the renderer look
/// names up and copy text without reference counting — which, on values shared by every page,
/// two cores also contended for.
struct FlatContext {
    enum Kind: UInt8 {
        case none, text, html, number, flag, list, map
    }

    /// One value, and its key when a map holds it.
    struct Value {
        var kind: Kind = .none
        /// Text (and numbers, as their digits): where its bytes start in `bytes`; list or map:
        /// the slot of its first element (negative until laid out, see `pending`).
        var start: Int32 = 0
        /// Text: its byte count; flag: 0 or 1; list or map: its element count.
        var count: Int32 = 0
        /// The key: as `TemplateProgram.Name` packs it; bytes after the 16th at `keyRest` in `bytes`.
        var keyHead: UInt64 = 0
        var keyTail: UInt64 = 0
        var keyCount: Int32 = 0
        var keyRest: Int32 = 0
    }

    /// The values; slot 0 is the root.
    private(set) var values: [Value] = []
    private(set) var bytes: [UInt8] = []
    /// Lists and maps not laid out yet (a value's `start` is `-1 - n` for `pending[n]`): a list's
    /// or map's elements are laid out when the renderer first looks into it, so what a page's
    /// context holds but its template never reads (the support channels on every article) costs
    /// nothing.
    private var pending: [TemplateValue] = []

    /// `reserving`: room for a page's context made at once (not for a block, kept for the build).
    init(_ root: TemplateValue, reserving: Bool = true) {
        if reserving {
            values.reserveCapacity(256)
            bytes.reserveCapacity(16 * 1024)
            pending.reserveCapacity(64)
        }
        values.append(Value())
        place(0, root)
    }

    /// A value laid out whole, apart from any page (`TemplateValue.shared`): its root at slot 0,
    /// every list and map expanded, places counted from the block's own start. Put into a page's
    /// context as one copy of its records and bytes.
    struct Block: Sendable {
        let values: [Value]
        let bytes: [UInt8]

        init(_ value: TemplateValue) {
            var context = FlatContext(value, reserving: false)
            var slot = 0
            while slot < context.values.count {
                if context.values[slot].kind == .list || context.values[slot].kind == .map { context.expand(Int32(slot)) }
                slot += 1
            }
            // At their exact size: a build keeps thousands of blocks.
            values = [Value](unsafeUninitializedCapacity: context.values.count) { $1 = $0.initialize(fromContentsOf: context.values) }
            bytes = [UInt8](unsafeUninitializedCapacity: context.bytes.count) { $1 = $0.initialize(fromContentsOf: context.bytes) }
        }
    }

    /// Makes sure the elements of the list or map at `slot` are laid out.
    @inline(__always)
    mutating func expand(_ slot: Int32) {
        if values[Int(slot)].start < 0 { layOut(Int(slot)) }
    }

    private mutating func layOut(_ slot: Int) {
        let value = pending[Int(-1 - values[slot].start)]
        let first = values.count
        values[slot].start = Int32(first)
        switch value {
        case .list(let items):
            values.append(contentsOf: repeatElement(Value(), count: items.count))
            for (offset, item) in items.enumerated() { place(first + offset, item) }
        case .map(let map):
            values.append(contentsOf: repeatElement(Value(), count: map.count))
            map.forEach { offset, key, value in
                var key = key
                key.withUTF8 { key in
                    let (head, tail) = TemplateProgram.Name.packed(key)
                    values[first + offset].keyHead = head
                    values[first + offset].keyTail = tail
                    values[first + offset].keyCount = Int32(key.count)
                    values[first + offset].keyRest = Int32(bytes.count)
                    if key.count > 16 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: key[16...])) }
                }
                place(first + offset, value)
            }
        default:
            break
        }
    }

    /// Puts text (or a number's digits) at `slot`, its bytes at the end of `bytes`.
    private mutating func place(_ slot: Int, _ kind: Kind, _ text: String) {
        let start = Int32(bytes.count)
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
        values[slot].kind = kind
        values[slot].start = start
        values[slot].count = Int32(bytes.count) - start
    }

    /// Puts `value` at `slot`: text at once, lists and maps with their count, laid out later.
    private mutating func place(_ slot: Int, _ value: TemplateValue) {
        switch value {
        case .text(let text):
            place(slot, .text, text)
        case .html(let text):
            place(slot, .html, text)
        case .htmlBytes(let html):
            let start = Int32(bytes.count)
            bytes.append(contentsOf: html)
            values[slot].kind = .html
            values[slot].start = start
            values[slot].count = Int32(bytes.count) - start
        case .number(let number):
            place(slot, .number, String(number))
        case .flag(let flag):
            values[slot].kind = .flag
            values[slot].count = flag ? 1 : 0
        case .list(let items):
            values[slot].kind = .list
            values[slot].count = Int32(items.count)
            values[slot].start = Int32(-1 - pending.count)
            pending.append(value)
        case .map(let map):
            values[slot].kind = .map
            values[slot].count = Int32(map.count)
            values[slot].start = Int32(-1 - pending.count)
            pending.append(value)
        case .shared(let shared):
            place(slot, shared.block)
        }
    }

    /// Puts a laid-out block at `slot`: its root there, its other records after the last one,
    /// each record's places moved by where its records and bytes now start.
    private mutating func place(_ slot: Int, _ block: Block) {
        let valueBase = Int32(values.count) - 1, byteBase = Int32(bytes.count)
        func moved(_ value: Value) -> Value {
            var value = value
            switch value.kind {
            case .text, .html, .number: value.start += byteBase
            case .list, .map: value.start += valueBase
            case .none, .flag: break
            }
            value.keyRest += byteBase
            return value
        }
        let root = moved(block.values[0])
        values[slot].kind = root.kind
        values[slot].start = root.start
        values[slot].count = root.count
        for index in 1..<block.values.count { values.append(moved(block.values[index])) }
        bytes.append(contentsOf: block.bytes)
    }
}
