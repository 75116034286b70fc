import Mustache

/// A parsed theme, ready to render pages. Values from content are HTML-escaped by `{{name}}`;
/// only HTML that Kairan produced itself (rendered Markdown, JSON-LD) is meant for `{{{name}}}`.
public struct Theme: Sendable {
    private let rendering: Rendering
    public let files: ThemeFiles
    /// The emails' style definition (`templates/email/style.css`), applied inline by the email channel.
    let emailStyle: EmailStyleSheet

    /// The templates Kairan renders, by page kind. The built-in theme has them all; a site's own
    /// `templates/` only overrides them, so a missing one means a broken theme.
    public static let requiredTemplates = [
        "layout", "home", "category", "section", "article", "tag", "tags", "support", "404", "search", "releases", "release", "customers/release", "internal/release",
        "customers-layout", "training/index", "training/program", "training/materials", "training/event",
        "customers/index", "internal-layout", "internal/index", "internal/kpi-index", "internal/kpi", "internal/roadmap", "internal/content",
        "email-layout", "email/weekly", "email/newsletter", "email/release", "email/digest", "email/index",
        "customers/reports", "customers/report", "customers/newsletters", "customers/newsletter",
    ]

    /// Parses every template; syntax errors and missing templates are logged with their file and line.
    /// The built-in theme as it ships is parsed template by template as pages need them (`LazyTemplates`).
    /// - Parameter reference: render with swift-mustache itself instead of the compiled templates
    ///   (the two give the same bytes; tests compare them).
    public init?(files: ThemeFiles, required: [String] = Theme.requiredTemplates, reference: Bool = false, log: DiagnosticLog) {
        FastHTMLContentType.register()
        // The built-in theme as it ships passes both checks (TemplateCheckTests): they are run when
        // a site overrides any of it.
        let pristine = files.isBuiltIn
        // The built-in theme as it ships parses and compiles whole (TemplateEquivalenceTests), so
        // its templates are parsed when a page first needs them: a site of help articles renders a
        // third of them, and swift-mustache's parser took most of a small site's build.
        if pristine && !reference && required.allSatisfy({ files.templates[$0] != nil }) {
            guard let style = Theme.emailStyle(of: files, log: log) else { return nil }
            emailStyle = style
            self.files = files
            rendering = .lazy(LazyTemplates(files.templates))
            return
        }
        // Before parsing: swift-mustache's parser and both renderers recurse per level.
        guard pristine || TemplateNesting.check(files, log: log) else { return nil }
        var library = MustacheLibrary()
        var failed = false
        for name in files.templates.keys.sorted() {
            let origin = files.origins[name] ?? "templates/\(name).mustache"
            do {
                // The pragma swaps swift-mustache's per-Character escaping for a byte-level one
                // with the same output; it is prepended on the first line, so line numbers hold.
                try library.register(FastHTMLContentType.pragma + files.templates[name]!, named: name)
            } catch let error as MustacheTemplate.ParserError {
                failed = true
                let syntax = TemplateSyntaxError.describing(error, source: files.templates[name] ?? "", prefixLength: FastHTMLContentType.pragma.count,
                                                            templates: files.templates.keys.sorted())
                log.error(syntax.location(in: origin), syntax.message, hint: syntax.hint)
            } catch {
                failed = true
                log.error(SourceLocation(file: origin), "template: \(error)")
            }
        }
        for name in required where files.templates[name] == nil {
            failed = true
            log.error(SourceLocation(file: "templates/\(name).mustache"), "the theme has no `\(name)` template",
                      hint: "add templates/\(name).mustache, or remove the site's templates/ folder to use the default theme")
        }
        if !pristine && !TemplateVariableCheck.check(files, log: log) { failed = true }
        guard let style = Theme.emailStyle(of: files, log: log), !failed else { return nil }
        emailStyle = style
        self.files = files
        let names = reference ? nil : Array(files.templates.keys)
        rendering = names.flatMap { TemplateCompiler.program(of: $0, in: library) }.map(Rendering.compiled) ?? .reference(library)
    }

    /// The theme's email style sheet parsed; nil after logging its errors.
    private static func emailStyle(of files: ThemeFiles, log: DiagnosticLog) -> EmailStyleSheet? {
        let style = files.styleSheets[Theme.emailStyleSheet]
        let errors = log.items.count(where: { $0.severity == .error })
        let parsed = EmailStyleSheet.parse(style?.text ?? "", file: style?.origin ?? "templates/\(Theme.emailStyleSheet)", log: log)
        return log.items.count(where: { $0.severity == .error }) == errors ? parsed : nil
    }

    /// How a theme's templates are rendered.
    private enum Rendering: Sendable {
        /// By swift-mustache itself: the reference renderer, or a theme the compiler cannot take.
        case reference(MustacheLibrary)
        /// By the program of every template, compiled up front (a site's own theme, checked whole).
        case compiled(CompiledRenderer)
        /// The built-in theme: each template, with the partials and parents it pulls in, parsed and
        /// compiled when a page first renders it.
        case lazy(LazyTemplates)
    }

    /// Where the emails' style sheet lives under `templates/`.
    public static let emailStyleSheet = "email/style.css"

    /// Whether pages are rendered by the compiled templates (false: by swift-mustache).
    public var isCompiled: Bool {
        switch rendering {
        case .reference: return false
        case .compiled: return true
        case .lazy(let templates): return templates.compilesWhole
        }
    }

    /// Renders `context` with the template `name`; empty when there is no such template.
    public func render(_ name: String, _ context: TemplateValue) -> String {
        String(decoding: renderBytes(name, context), as: UTF8.self)
    }

    /// Makes the renderers of templates `names` ready, in that order, so that pages need not: a
    /// theme parsed as pages need it (the built-in one) parses and compiles them now; another
    /// theme is ready already.
    func prepare(_ names: [String]) {
        if case .lazy(let templates) = rendering { templates.prepare(names) }
    }

    /// `render(name, context)` as UTF-8 bytes, which the compiled templates write directly (pages
    /// are written as bytes: no text is made and checked again).
    public func renderBytes(_ name: String, _ context: TemplateValue) -> [UInt8] {
        Theme.renderObserver?(name, context)
        switch rendering {
        case .reference(let library): return Array((library.render(context, withTemplate: name) ?? "").utf8)
        case .compiled(let compiled): return compiled.render(name, context) ?? []
        case .lazy(let templates): return templates.render(name, context)
        }
    }
}

/// HTML escaping for templates that works on UTF-8 bytes, registered as `KAIRAN_HTML`.
struct FastHTMLContentType: MustacheContentType {
    static let pragma = "{{%CONTENT_TYPE:KAIRAN_HTML}}"
    private static let once: Bool = {
        MustacheContentTypes.register(FastHTMLContentType(), named: "KAIRAN_HTML")
        return true
    }()

    static func register() { _ = once }

    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
