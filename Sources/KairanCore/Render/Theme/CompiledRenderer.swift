/// Renders compiled templates against `TemplateValue` contexts with swift-mustache's semantics:
/// a name is looked up from the innermost context outwards, empty text and empty lists count as
/// missing, `true` sections keep the context, lists repeat, other values are pushed.
struct CompiledRenderer: Sendable {
    let templates: [String: [CompiledNode]]

    /// The state a template renders in; the stack is shared and pushed/popped, never copied.
    private struct Scope {
        var indentation: String?
        var inherited: [String: [CompiledNode]]?
        /// Templates entered so far; bounded as a backstop to the check when the theme loads.
        var depth = 0
    }

    func render(_ name: String, _ context: TemplateValue) -> String? {
        guard let nodes = templates[name] else { return nil }
        var out = ""
        out.reserveCapacity(16 * 1024)
        var stack = [context]
        stack.reserveCapacity(8)
        render(nodes, Scope(), &stack, into: &out)
        return out
    }

    private func render(_ nodes: [CompiledNode], _ scope: Scope, _ stack: inout [TemplateValue], into out: inout String) {
        if let indentation = scope.indentation, !indentation.isEmpty {
            // As swift-mustache: indent a node's output when it starts a new line of this template's output.
            // Written straight into `out` (no copy of a page body per level): the indentation is
            // put before a node's output afterwards, when that output is not empty.
            let start = out.utf8.count
            for node in nodes {
                let before = out.utf8.count
                let atLineStart = CompiledRenderer.endsWithNewline(out, after: start)
                render(node, scope, &stack, into: &out)
                if atLineStart && out.utf8.count > before {
                    out.insert(contentsOf: indentation, at: out.utf8.index(out.utf8.startIndex, offsetBy: before))
                }
            }
        } else {
            for node in nodes { render(node, scope, &stack, into: &out) }
        }
    }

    private func render(_ node: CompiledNode, _ scope: Scope, _ stack: inout [TemplateValue], into out: inout String) {
        switch node {
        case .text(let text):
            out += text
        case .variable(let lookup, let escaped):
            guard let value = resolve(lookup, stack) else { return }
            let text = CompiledRenderer.text(of: value)
            out += escaped ? HTMLEscaping.escape(text) : text
        case .section(let lookup, let body):
            guard let value = resolve(lookup, stack) else { return }
            switch value {
            case .flag(let flag):
                if flag { render(body, scope, &stack, into: &out) }
            case .list(let items):
                for item in items {
                    stack.append(item)
                    render(body, scope, &stack, into: &out)
                    stack.removeLast()
                }
            default:
                stack.append(value)
                render(body, scope, &stack, into: &out)
                stack.removeLast()
            }
        case .inverted(let lookup, let body):
            guard let value = resolve(lookup, stack) else {
                render(body, scope, &stack, into: &out)
                return
            }
            if case .flag(false) = value { render(body, scope, &stack, into: &out) }
        case .partial(let name, let indentation, let overrides):
            guard let nodes = templates[name], scope.depth < TemplateNesting.maxDepth else { return }
            var inner = scope
            inner.depth += 1
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            if let overrides {
                inner.inherited = scope.inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(nodes, inner, &stack, into: &out)
        case .block(let name, let defaultContent, let indentation):
            var inner = scope
            if let indentation { inner.indentation = (scope.indentation ?? "") + indentation }
            render(scope.inherited?[name] ?? defaultContent, inner, &stack, into: &out)
        }
    }

    /// Whether the output written after UTF-8 offset `start` ends with the character `\n` (a `\r\n`
    /// pair is one other character, as `String.last` sees it).
    private static func endsWithNewline(_ out: String, after start: Int) -> Bool {
        let utf8 = out.utf8
        guard utf8.count > start, let last = utf8.last, last == UInt8(ascii: "\n") else { return false }
        guard utf8.count - 1 > start else { return true }
        return utf8[utf8.index(utf8.endIndex, offsetBy: -2)] != UInt8(ascii: "\r")
    }

    /// What `{{name}}` prints for a value.
    private static func text(of value: TemplateValue) -> String {
        switch value {
        case .text(let text), .html(let text): return text
        case .number(let number): return String(number)
        case .flag(let flag): return flag ? "true" : "false"
        case .list, .map: return ""
        }
    }

    /// The value a name resolves to, or nil; empty text and empty lists count as missing.
    private func resolve(_ lookup: Lookup, _ stack: [TemplateValue]) -> TemplateValue? {
        if lookup.isCurrent { return stack.last }
        guard let first = lookup.names.first else { return nil }
        var found: TemplateValue?
        var index = stack.count - 1
        while index >= 0 {
            if let child = CompiledRenderer.child(first, of: stack[index]) {
                found = child
                break
            }
            if lookup.topOnly { break }
            index -= 1
        }
        guard var value = found else { return nil }
        for name in lookup.names.dropFirst() {
            guard let child = CompiledRenderer.child(name, of: value) else { return nil }
            value = child
        }
        return value
    }

    private static func child(_ name: String, of object: TemplateValue) -> TemplateValue? {
        guard case .map(let values) = object, let value = values[name] else { return nil }
        switch value {
        case .text(let text), .html(let text): return text.isEmpty ? nil : value
        case .list(let items): return items.isEmpty ? nil : value
        default: return value
        }
    }
}
