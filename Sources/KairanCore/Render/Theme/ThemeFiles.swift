/// The files of a theme: Mustache templates by name and static assets by path.
///
/// A site's theme is the default theme (embedded in the binary, from the repository's
/// `templates/`) with the site's own `templates/` laid over it file by file.
public struct ThemeFiles: Sendable, Equatable {
    public static func == (lhs: ThemeFiles, rhs: ThemeFiles) -> Bool {
        lhs.templates == rhs.templates && lhs.assets == rhs.assets && lhs.origins == rhs.origins
            && lhs.styleSheets.mapValues(\.text) == rhs.styleSheets.mapValues(\.text)
    }

    /// Template name (path under `templates/` without `.mustache`) → text.
    public var templates: [String: String]
    /// Asset path under `templates/assets/` → bytes, copied to `assets/` in the output.
    public var assets: [String: [UInt8]]
    /// Template name → where its text came from, for error messages.
    public var origins: [String: String]
    /// Style sheets outside `assets/` by path under `templates/` (`email/style.css`, the emails'
    /// one style definition), with where each came from.
    public var styleSheets: [String: (text: String, origin: String)] = [:]

    public init(templates: [String: String] = [:], assets: [String: [UInt8]] = [:], origins: [String: String] = [:]) {
        self.templates = templates
        self.assets = assets
        self.origins = origins
    }

    /// The theme built into Kairan, decoded once per process.
    public static let builtIn: ThemeFiles = {
        var theme = ThemeFiles()
        // The embedded copy is checked by a test, so it never holds what the decoder rejects.
        let ignored = DiagnosticLog()
        for (path, bytes) in DefaultTheme.files {
            theme.add(path: path, bytes: bytes, origin: "(built-in) templates/\(path)", log: ignored)
        }
        return theme
    }()

    /// Whether these are the built-in theme's files exactly (no site overrides).
    public var isBuiltIn: Bool { self == ThemeFiles.builtIn }

    /// The built-in theme overlaid with `siteDirectory/templates/`, when that folder exists.
    /// Templates larger than `maxTemplateSize` bytes are errors; assets are only copied, so any size goes.
    public static func load(siteDirectory: String, fileSystem: FileSystem, maxTemplateSize: Int = SiteLimits.defaultMaxFileSize,
                            log: DiagnosticLog) -> ThemeFiles {
        var theme = builtIn
        let root = joinPath(siteDirectory, "templates")
        guard fileSystem.kind(of: root) == .directory else { return theme }
        for path in KnowledgeBaseLoader.collectFiles(siteDirectory: siteDirectory, folder: "templates", fileSystem: fileSystem, log: log) {
            do {
                let bytes = try fileSystem.read(joinPath(siteDirectory, path), limit: path.hasSuffix(".mustache") ? maxTemplateSize : nil)
                theme.add(path: String(path.dropFirst("templates/".count)), bytes: bytes, origin: path, log: log)
            } catch {
                log.cannotRead(path, error)
            }
        }
        return theme
    }

    /// Adds an asset, or a template decoded as source text (a template that is not text is logged at `origin` and left out).
    mutating func add(path: String, bytes: [UInt8], origin: String, log: DiagnosticLog) {
        if path.hasPrefix("assets/") {
            assets[String(path.dropFirst("assets/".count))] = bytes
        } else if path.hasSuffix(".css") {
            guard let text = SourceText.decode(bytes, file: origin, log: log) else { return }
            styleSheets[path] = (text, origin)
        } else if path.hasSuffix(".mustache") {
            guard let text = SourceText.decode(bytes, file: origin, log: log) else { return }
            let name = String(path.dropLast(".mustache".count))
            templates[name] = text
            origins[name] = origin
        }
    }
}
