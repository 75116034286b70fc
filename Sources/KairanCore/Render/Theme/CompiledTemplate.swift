import Mustache

/// A theme template compiled from swift-mustache's own parse into a tree that renders
/// `TemplateValue` contexts directly.
///
/// swift-mustache parses and validates every template (its token stream carries the standalone-line
/// and indentation rules); Kairan then renders that same token stream without `Any` casts or
/// reflection per variable, which made up about half of a build. The render rules below mirror
/// swift-mustache 2.1's `Template+Render.swift`; `TemplateEquivalenceTests` builds sites with both
/// renderers and requires byte-identical output. Templates using constructs outside this set
/// (transforms, dynamic partials, another content type) keep the swift-mustache renderer.
indirect enum CompiledNode: Sendable {
    case text(String)
    case variable(Lookup, escaped: Bool)
    case section(Lookup, [CompiledNode])
    case inverted(Lookup, [CompiledNode])
    case partial(String, indentation: String?, overrides: [String: [CompiledNode]]?)
    case block(String, defaultContent: [CompiledNode], indentation: String?)
}

/// A variable name split once at compile time: `page.title` → `["page", "title"]`; `.` → the top of the stack.
struct Lookup: Sendable {
    var names: [String]
    var topOnly: Bool
    var isCurrent: Bool

    init(_ name: String) {
        isCurrent = name == "."
        topOnly = name.first == "." && !isCurrent
        names = name.split(separator: ".").map(String.init)
    }
}

/// Turns a parsed `MustacheTemplate` into `CompiledNode`s by reading its token stream.
enum TemplateCompiler {
    /// `nodes` with neighbouring text joined (swift-mustache cuts text at every newline). Only for
    /// themes that indent no partial or block: indentation is applied per node, which joining would change.
    static func joiningText(_ nodes: [CompiledNode]) -> [CompiledNode] {
        var result: [CompiledNode] = []
        for node in nodes {
            switch node {
            case .text(let text):
                if case .text(let previous)? = result.last {
                    result[result.count - 1] = .text(previous + text)
                } else {
                    result.append(node)
                }
            case .variable:
                result.append(node)
            case .section(let lookup, let body):
                result.append(.section(lookup, joiningText(body)))
            case .inverted(let lookup, let body):
                result.append(.inverted(lookup, joiningText(body)))
            case .partial(let name, let indentation, let overrides):
                result.append(.partial(name, indentation: indentation, overrides: overrides?.mapValues(joiningText)))
            case .block(let name, let body, let indentation):
                result.append(.block(name, defaultContent: joiningText(body), indentation: indentation))
            }
        }
        return result
    }

    /// Whether any partial or block in `nodes` carries indentation.
    static func indents(_ nodes: [CompiledNode]) -> Bool {
        nodes.contains { node in
            switch node {
            case .text, .variable: return false
            case .section(_, let body), .inverted(_, let body): return indents(body)
            case .partial(_, let indentation, let overrides):
                return !(indentation ?? "").isEmpty || (overrides?.values.contains(where: indents) ?? false)
            case .block(_, let body, let indentation): return !(indentation ?? "").isEmpty || indents(body)
            }
        }
    }

    /// The compiled nodes, or nil when the template uses something the compiled renderer does not do.
    static func compile(_ template: MustacheTemplate) -> [CompiledNode]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else { return nil }
        var nodes: [CompiledNode] = []
        for token in tokens {
            guard let case_ = Mirror(reflecting: token).children.first, let name = case_.label else { return nil }
            // Text, most tokens (swift-mustache cuts text at every newline), has no fields to read.
            if name == "text" {
                guard let text = case_.value as? String else { return nil }
                nodes.append(.text(text))
                continue
            }
            let fields = Dictionary(Mirror(reflecting: case_.value).children.compactMap { child in child.label.map { ($0, child.value) } },
                                    uniquingKeysWith: { first, _ in first })
            func transformsAreEmpty() -> Bool { (fields["transforms"] as? [String])?.isEmpty ?? true }
            func sub(_ key: String) -> [CompiledNode]? { (fields[key] as? MustacheTemplate).flatMap(compile) }
            switch name {
            case "variable", "unescapedVariable":
                guard let variable = fields["name"] as? String, transformsAreEmpty() else { return nil }
                nodes.append(.variable(Lookup(variable), escaped: name == "variable"))
            case "section", "invertedSection":
                guard let section = fields["name"] as? String, transformsAreEmpty(), let body = sub("template") else { return nil }
                nodes.append(name == "section" ? .section(Lookup(section), body) : .inverted(Lookup(section), body))
            case "blockExpansion":
                guard let block = fields["name"] as? String, let body = sub("default") else { return nil }
                nodes.append(.block(block, defaultContent: body, indentation: unwrap(fields["indentation"]) as? String))
            case "partial":
                // The unlabeled first value is the partial's name.
                let values = Mirror(reflecting: case_.value).children.map(\.value)
                guard let partial = values.first as? String else { return nil }
                var overrides: [String: [CompiledNode]]?
                if let inherits = unwrap(fields["inherits"]) as? [String: MustacheTemplate] {
                    var compiled: [String: [CompiledNode]] = [:]
                    for (key, value) in inherits {
                        guard let body = compile(value) else { return nil }
                        compiled[key] = body
                    }
                    overrides = compiled
                }
                nodes.append(.partial(partial, indentation: unwrap(fields["indentation"]) as? String, overrides: overrides))
            case "contentType":
                // Only Kairan's own pragma (HTML escaping) is supported.
                guard case_.value is FastHTMLContentType else { return nil }
            default:
                return nil  // dynamic partials, stray block definitions
            }
        }
        return nodes
    }

    /// `Optional<Any>` boxed in `Any` → its value, or nil.
    private static func unwrap(_ value: Any?) -> Any? {
        guard let value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }
}
