/// A theme's compiled templates laid out as one flat program: every template a range of plain
/// operations, every text and name in one byte buffer. Rendering walks it with a program counter
/// and copies bytes, without reference counting per node (half the time of the tree it replaced).
///
/// Made from the `CompiledNode` trees `TemplateCompiler` reads out of swift-mustache's parse.
struct TemplateProgram: Sendable {
    enum Kind: UInt8, Sendable {
        /// `textBytes[a ..< a + b]`.
        case text
        /// `{{name}}` / `{{{name}}}` of lookup `a`.
        case escaped, raw
        /// `{{#name}}` / `{{^name}}` of lookup `a`; the body is the operations up to `end`.
        case section, inverted
        /// `{{> name}}` / `{{< name}}` of template `a` (-1: no such template); its overrides are
        /// `overrides[b ..< b + c]`, their bodies the operations up to `end`; indentation `d` (0: none).
        case partial
        /// `{{$name}}` of block `a`; its default content is the operations up to `end`; indentation `d`.
        case block
    }

    /// One operation (see `Kind` for what its numbers mean).
    struct Operation: Sendable {
        var kind: Kind
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0
        var end: Int32 = 0
    }

    /// A name of a lookup (`page` in `page.title`): its first 16 bytes packed, then its length
    /// and where bytes after the 16th are in `textBytes`.
    struct Name: Sendable, Equatable {
        var head: UInt64
        var tail: UInt64
        var count: Int32
        var rest: Int32

        /// The first 16 bytes of `bytes` as two numbers (zero-filled).
        static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
            var head: UInt64 = 0, tail: UInt64 = 0
            for index in 0..<min(16, bytes.count) {
                if index < 8 { head |= UInt64(bytes[index]) << (8 * UInt64(index)) } else { tail |= UInt64(bytes[index]) << (8 * UInt64(index - 8)) }
            }
            return (head, tail)
        }
    }

    /// A variable or section name: its names (`names[first ..< first + count]`) and how it is
    /// looked up.
    struct Lookup: Sendable {
        enum Mode: UInt8, Sendable {
            /// From the innermost context outwards.
            case outwards
            /// `.name`: in the innermost context only.
            case innermost
            /// `.`: the innermost context itself.
            case current
        }
        var first: Int32
        var count: Int32
        var mode: Mode
    }

    /// A block override of a partial: block `block` is rendered as operations `start ..< end`.
    struct Override: Sendable {
        var block: Int32
        var start: Int32
        var end: Int32
    }

    private(set) var operations: [Operation] = []
    private(set) var textBytes: [UInt8] = []
    private(set) var names: [Name] = []
    private(set) var lookups: [Lookup] = []
    private(set) var overrides: [Override] = []
    /// Indentations of partials and blocks (number 0 is none).
    private(set) var indentations: [[UInt8]] = [[]]
    /// Each template's operations, by number.
    private(set) var templates: [Range<Int32>] = []
    /// Template numbers by name.
    private(set) var numbers: [String: Int32] = [:]
    private var blocks: [String: Int32] = [:]

    init(_ source: [String: [CompiledNode]]) {
        let ordered = source.keys.sorted()
        for (number, name) in ordered.enumerated() { numbers[name] = Int32(number) }
        for name in ordered {
            let start = Int32(operations.count)
            emit(source[name] ?? [])
            templates.append(start..<Int32(operations.count))
        }
    }

    private mutating func emit(_ nodes: [CompiledNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                let start = Int32(textBytes.count)
                textBytes.append(contentsOf: text.utf8)
                operations.append(Operation(kind: .text, a: start, b: Int32(textBytes.count) - start))
            case .variable(let name, let escaped):
                operations.append(Operation(kind: escaped ? .escaped : .raw, a: lookup(name)))
            case .section(let name, let body):
                enclose(Operation(kind: .section, a: lookup(name)), body)
            case .inverted(let name, let body):
                enclose(Operation(kind: .inverted, a: lookup(name)), body)
            case .partial(let name, let indentation, let overridden):
                let at = operations.count
                operations.append(Operation(kind: .partial, a: numbers[name] ?? -1, d: indentationNumber(indentation)))
                // The overrides' bodies follow the partial, which skips them.
                var list: [Override] = []
                for key in (overridden ?? [:]).keys.sorted() {
                    let start = Int32(operations.count)
                    emit(overridden?[key] ?? [])
                    list.append(Override(block: block(key), start: start, end: Int32(operations.count)))
                }
                operations[at].b = Int32(overrides.count)
                operations[at].c = Int32(list.count)
                overrides += list
                operations[at].end = Int32(operations.count)
            case .block(let name, let body, let indentation):
                enclose(Operation(kind: .block, a: block(name), d: indentationNumber(indentation)), body)
            }
        }
    }

    private mutating func enclose(_ operation: Operation, _ body: [CompiledNode]) {
        let at = operations.count
        operations.append(operation)
        emit(body)
        operations[at].end = Int32(operations.count)
    }

    private mutating func lookup(_ lookup: KairanCore.Lookup) -> Int32 {
        let first = Int32(names.count)
        for name in lookup.names {
            var name = name
            name.withUTF8 { bytes in
                let (head, tail) = Name.packed(bytes)
                let rest = Int32(textBytes.count)
                if bytes.count > 16 { textBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[16...])) }
                names.append(Name(head: head, tail: tail, count: Int32(bytes.count), rest: rest))
            }
        }
        let mode: Lookup.Mode = lookup.isCurrent ? .current : lookup.topOnly ? .innermost : .outwards
        lookups.append(Lookup(first: first, count: Int32(lookup.names.count), mode: mode))
        return Int32(lookups.count - 1)
    }

    private mutating func block(_ name: String) -> Int32 {
        if let number = blocks[name] { return number }
        let number = Int32(blocks.count)
        blocks[name] = number
        return number
    }

    private mutating func indentationNumber(_ indentation: String?) -> Int32 {
        guard let indentation, !indentation.isEmpty else { return 0 }
        indentations.append(Array(indentation.utf8))
        return Int32(indentations.count - 1)
    }
}
