import ArgumentParser
import KairanCore

/// `kairan import`: converts a Hugo, VitePress or MkDocs site's content into a Kairan site.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a Hugo, VitePress or MkDocs site's Markdown into Kairan's layout.",
        discussion: """
            Folders become categories and, one level below, sections; front matter is rewritten with
            Kairan's keys (dropped keys are listed); links point to .md files; admonitions become
            ::: callouts; each page's old URL is kept in aliases:. Everything that could not be
            converted is printed as file:line: note: … (paths relative to SRC). Nothing in the
            site is replaced: an import into a site that already has one of the files is refused.
            """
    )

    @Argument(help: ArgumentHelp("The tool the site was made with: hugo, vitepress or mkdocs.", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The source site's folder.", valueName: "src"))
    var source: String

    @Option(name: .long, help: ArgumentHelp("The Kairan site to write into (default: the current folder).", valueName: "dir"))
    var site: String = "."

    @Flag(name: .customLong("no-aliases"), help: "Do not keep the pages' old URLs as aliases:.")
    var noAliases = false

    func validate() throws {
        guard ImportSource(rawValue: kind) != nil else {
            throw ValidationError("unknown kind \(kind); use one of \(ImportSource.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        guard let source = ImportSource(rawValue: kind) else { throw ExitCode(ExitCodeValue.usage.rawValue) }
        var importer = SiteImporter(source: source, sourceDirectory: self.source, siteDirectory: site, fileSystem: DiskFileSystem())
        importer.keepsOldURLs = !noAliases
        let result: ImportResult
        do { result = try importer.run() } catch let refusal as ImportRefusal {
            FileHandleOutput.standardError("error: \(refusal.description)")
            throw ExitCode(ExitCodeValue.usage.rawValue)
        }
        for note in result.notes { FileHandleOutput.standardOutput(note.description) }
        FileHandleOutput.standardOutput("Imported \(result.articles) articles, \(result.categories) categories and \(result.sections) sections "
            + "into \(site) (\(result.written.count) files); \(result.notes.count) notes to look at.")
    }
}
