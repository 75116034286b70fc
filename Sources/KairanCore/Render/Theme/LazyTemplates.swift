import Mustache

/// The built-in theme's templates, parsed and compiled when a page first renders them: each
/// template with the partials and parents it pulls in (`Theme.templates(usedBy:in:)`) becomes a
/// program of its own. Pages render in parallel and share one of these.
///
/// swift-mustache parses about 2 MB of templates a second: the whole built-in theme (50
/// templates, 60 KB) took 60 ms of every build, most of a small site's, while a site of help
/// articles renders a third of them. The built-in theme parses and compiles whole, which
/// `TemplateEquivalenceTests` checks; a template the compiler cannot take would still render,
/// with swift-mustache.
final class LazyTemplates: Sendable {
    /// How one template renders.
    private enum Renderer: Sendable {
        case compiled(CompiledRenderer)
        case reference(MustacheLibrary)
    }

    private let texts: [String: String]
    private let made = SharedMemo<String, Renderer>()

    init(_ texts: [String: String]) {
        self.texts = texts
    }

    /// Template `name` rendered with `context`; empty when there is no such template.
    func render(_ name: String, _ context: TemplateValue) -> [UInt8] {
        switch renderer(of: name) {
        case .compiled(let program): return program.render(name, context) ?? []
        case .reference(let library): return Array((library.render(context, withTemplate: name) ?? "").utf8)
        }
    }

    /// Parses and compiles templates `names` (those the theme has), in that order.
    func prepare(_ names: [String]) {
        for name in names where texts[name] != nil { _ = renderer(of: name) }
    }

    /// Whether every template compiles (the compiled renderer takes the whole theme).
    var compilesWhole: Bool {
        texts.keys.allSatisfy { name in
            if case .compiled = renderer(of: name) { return true }
            return false
        }
    }

    private func renderer(of name: String) -> Renderer {
        made.value(of: name) { make(name) }
    }

    private func make(_ name: String) -> Renderer {
        let names = Theme.templates(usedBy: name, in: texts).filter { texts[$0] != nil }
        var library = MustacheLibrary()
        for used in names {
            // Not reached for the built-in theme, which parses whole (see the type's note).
            try? library.register(FastHTMLContentType.pragma + (texts[used] ?? ""), named: used)
        }
        return TemplateCompiler.program(of: names, in: library).map(Renderer.compiled) ?? .reference(library)
    }
}

extension TemplateCompiler {
    /// Templates `names` of `library` as one program; nil when one of them needs swift-mustache.
    static func program(of names: [String], in library: MustacheLibrary) -> CompiledRenderer? {
        var nodes: [String: [CompiledNode]] = [:]
        for name in names {
            guard let template = library.getTemplate(named: name), let compiled = compile(template) else { return nil }
            nodes[name] = compiled
        }
        if !nodes.values.contains(where: indents) { nodes = nodes.mapValues(joiningText) }
        return CompiledRenderer(templates: nodes)
    }
}
