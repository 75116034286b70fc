/// Renders a theme's `TemplateProgram` against `TemplateValue` contexts into bytes, with
/// swift-mustache's semantics: a name is looked up from the innermost context outwards, empty
/// text and empty lists count as missing, `true` sections keep the context, lists repeat, other
/// values are pushed; an indented partial or block indents each line its nodes begin.
///
/// The context is laid out flat as it is read (`FlatContext`), so the walk below reads plain
/// records and copies bytes.
struct CompiledRenderer: Sendable {
    let program: TemplateProgram

    init(templates: [String: [CompiledNode]]) {
        program = TemplateProgram(templates)
    }

    /// The bytes of template `name` rendered with `context`; nil when there is no such template.
    func render(_ name: String, _ context: TemplateValue) -> [UInt8]? {
        guard let number = program.numbers[name] else { return nil }
        return program.operations.withUnsafeBufferPointer { operations in
            program.textBytes.withUnsafeBufferPointer { textBytes in
                program.names.withUnsafeBufferPointer { names in
                    program.lookups.withUnsafeBufferPointer { lookups in
                        var walk = Walk(program: program, operations: operations, textBytes: textBytes, names: names,
                                        lookups: lookups, context: FlatContext(context))
                        walk.run(program.templates[Int(number)], depth: 0)
                        return walk.out
                    }
                }
            }
        }
    }

    /// One render: the program through pointers, the context laid out flat, its stack as slots.
    private struct Walk {
        let program: TemplateProgram
        let operations: UnsafeBufferPointer<TemplateProgram.Operation>
        let textBytes: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<TemplateProgram.Name>
        let lookups: UnsafeBufferPointer<TemplateProgram.Lookup>
        var context: FlatContext
        private(set) var out: [UInt8] = []
        var stack: [Int32] = [0]
        /// Blocks overridden by the partials entered (the outermost override of a block counts).
        var inherited: [TemplateProgram.Override] = []
        /// What each line a node begins is indented with (themes without indented partials: empty).
        var indentation: [UInt8] = []

        init(program: TemplateProgram, operations: UnsafeBufferPointer<TemplateProgram.Operation>, textBytes: UnsafeBufferPointer<UInt8>,
             names: UnsafeBufferPointer<TemplateProgram.Name>, lookups: UnsafeBufferPointer<TemplateProgram.Lookup>,
             context: FlatContext) {
            self.program = program
            self.operations = operations
            self.textBytes = textBytes
            self.names = names
            self.lookups = lookups
            self.context = context
            out.reserveCapacity(16 * 1024)
            stack.reserveCapacity(16)
        }

        /// Renders the operations of `range`, each a node of one list.
        mutating func run(_ range: Range<Int32>, depth: Int) {
            var at = range.lowerBound
            if indentation.isEmpty {
                while at < range.upperBound { at = step(at, depth: depth) }
                return
            }
            // As swift-mustache: a node's output is indented when it starts a new line of this
            // list's output; the indentation is put before it afterwards, when it is not empty.
            let start = out.count
            while at < range.upperBound {
                let before = out.count
                let atLineStart = endsWithNewline(after: start)
                at = step(at, depth: depth)
                if atLineStart && out.count > before { out.insert(contentsOf: indentation, at: before) }
            }
        }

        /// Whether the output written after offset `start` ends with the character `\n` (a `\r\n`
        /// pair is one other character, as `String.last` sees it).
        private func endsWithNewline(after start: Int) -> Bool {
            guard out.count > start, out[out.count - 1] == UInt8(ascii: "\n") else { return false }
            guard out.count - 1 > start else { return true }
            return out[out.count - 2] != UInt8(ascii: "\r")
        }

        /// Renders the operation at `at`; returns the next one's place.
        private mutating func step(_ at: Int32, depth: Int) -> Int32 {
            let operation = operations[Int(at)]
            switch operation.kind {
            case .text:
                out.append(contentsOf: UnsafeBufferPointer(rebasing: textBytes[Int(operation.a)..<Int(operation.a + operation.b)]))
                return at + 1
            case .escaped, .raw:
                let slot = resolve(operation.a)
                if slot >= 0 { write(context.values[Int(slot)], escaped: operation.kind == .escaped) }
                return at + 1
            case .section:
                let slot = resolve(operation.a)
                guard slot >= 0 else { return operation.end }
                if context.values[Int(slot)].kind == .list { context.expand(slot) }
                let value = context.values[Int(slot)]
                let body = at + 1..<operation.end
                switch value.kind {
                case .flag:
                    if value.count != 0 { run(body, depth: depth) }
                case .list:
                    for item in value.start..<value.start + value.count {
                        stack.append(item)
                        run(body, depth: depth)
                        stack.removeLast()
                    }
                default:
                    stack.append(slot)
                    run(body, depth: depth)
                    stack.removeLast()
                }
                return operation.end
            case .inverted:
                let slot = resolve(operation.a)
                if slot < 0 || (context.values[Int(slot)].kind == .flag && context.values[Int(slot)].count == 0) {
                    run(at + 1..<operation.end, depth: depth)
                }
                return operation.end
            case .partial:
                guard operation.a >= 0, depth < TemplateNesting.maxDepth else { return operation.end }
                let savedOverrides = inherited.count, savedIndentation = indentation.count
                for index in Int(operation.b)..<Int(operation.b + operation.c) {
                    let override = program.overrides[index]
                    if !inherited.contains(where: { $0.block == override.block }) { inherited.append(override) }
                }
                if operation.d != 0 { indentation += program.indentations[Int(operation.d)] }
                run(program.templates[Int(operation.a)], depth: depth + 1)
                inherited.removeSubrange(savedOverrides...)
                indentation.removeSubrange(savedIndentation...)
                return operation.end
            case .block:
                let savedIndentation = indentation.count
                if operation.d != 0 { indentation += program.indentations[Int(operation.d)] }
                if let override = inherited.first(where: { $0.block == operation.a }) {
                    run(override.start..<override.end, depth: depth)
                } else {
                    run(at + 1..<operation.end, depth: depth)
                }
                indentation.removeSubrange(savedIndentation...)
                return operation.end
            }
        }

        /// What `{{name}}` prints for a value.
        private mutating func write(_ value: FlatContext.Value, escaped: Bool) {
            switch value.kind {
            case .text, .html, .number:
                Walk.copy(context.bytes, Int(value.start)..<Int(value.start + value.count), escaped: escaped, into: &out)
            case .flag:
                let text: StaticString = value.count != 0 ? "true" : "false"
                out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
            case .none, .list, .map:
                break
            }
        }

        private static func copy(_ bytes: [UInt8], _ range: Range<Int>, escaped: Bool, into out: inout [UInt8]) {
            bytes.withUnsafeBufferPointer { bytes in
                let text = UnsafeBufferPointer(rebasing: bytes[range])
                if escaped { HTMLEscaping.escape(text, into: &out) } else { out.append(contentsOf: text) }
            }
        }

        /// The slot a lookup resolves to, or -1; empty text and empty lists count as missing.
        private mutating func resolve(_ number: Int32) -> Int32 {
            let lookup = lookups[Int(number)]
            if lookup.mode == .current { return stack[stack.count - 1] }
            guard lookup.count > 0 else { return -1 }
            let first = names[Int(lookup.first)]
            var found: Int32 = -1
            var level = stack.count - 1
            while level >= 0 {
                found = child(first, of: stack[level])
                if found >= 0 || lookup.mode == .innermost { break }
                level -= 1
            }
            var name = lookup.first + 1
            while found >= 0 && name < lookup.first + lookup.count {
                found = child(names[Int(name)], of: found)
                name += 1
            }
            return found
        }

        /// The slot of `name` in the map at `slot`, or -1 (no map, no such key, empty text or list).
        @inline(__always)
        private mutating func child(_ name: TemplateProgram.Name, of slot: Int32) -> Int32 {
            guard context.values[Int(slot)].kind == .map else { return -1 }
            context.expand(slot)
            let object = context.values[Int(slot)]
            for element in object.start..<object.start + object.count {
                let value = context.values[Int(element)]
                guard value.keyHead == name.head, value.keyTail == name.tail, value.keyCount == name.count else { continue }
                if name.count > 16 {
                    let rest = Int(name.count) - 16
                    var same = true
                    for offset in 0..<rest where textBytes[Int(name.rest) + offset] != context.bytes[Int(value.keyRest) + offset] {
                        same = false
                        break
                    }
                    guard same else { continue }
                }
                switch value.kind {
                case .text, .html, .list: return value.count == 0 ? -1 : element
                default: return element
                }
            }
            return -1
        }
    }
}
