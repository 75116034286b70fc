import ArgumentParser
import Foundation
import KairanCore

/// `kairan new`: scaffolds a source file with its front matter filled; never overwrites.
struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new article, release note, weekly report or newsletter, front matter filled.",
        discussion: """
            kairan new article <category> [slug]   next weight in the category (slug default new-article)
            kairan new release [version|major|minor|hotfix]   next version; a major is dated the schedule's next release day
            kairan new weekly                      this ISO week's content/reports/weekly/<YYYY>-W<ww>.md
            kairan new newsletter                  next month's content/newsletters/<YYYY>-<MM>.md, dated its 第1営業日
            Prints the path it wrote. An existing file is never overwritten (exit 2).
            """
    )

    @Argument(help: ArgumentHelp("article, release, weekly or newsletter.", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("article: the category, then an optional slug; release: a version or major, minor, hotfix.", valueName: "name"))
    var names: [String] = []

    @OptionGroup var site: SiteOptions

    func validate() throws {
        switch kind {
        case "article": if names.isEmpty || names.count > 2 { throw ValidationError("kairan new article <category> [slug]") }
        case "release": if names.count > 1 { throw ValidationError("kairan new release [version|major|minor|hotfix]") }
        case "weekly", "newsletter": if !names.isEmpty { throw ValidationError("kairan new \(kind) takes no name") }
        default: throw ValidationError("unknown kind `\(kind)`: use article, release, weekly or newsletter")
        }
    }

    func run() async throws {
        let scaffoldKind: ScaffoldKind
        switch kind {
        case "article": scaffoldKind = .article(category: names[0], slug: names.count > 1 ? names[1] : nil)
        case "release": scaffoldKind = .release(names.first)
        case "weekly": scaffoldKind = .weekly
        default: scaffoldKind = .newsletter
        }
        let scaffolder = Scaffolder(options: try site.buildOptions(output: nil))
        let scaffold: Scaffold
        do throws(ScaffoldError) {
            scaffold = try await scaffolder.scaffold(scaffoldKind)
        } catch {
            FileHandleOutput.standardError(error.description)
            throw ExitCode(ExitCodeValue.usage.rawValue)
        }
        let path = joinPath(site.site, scaffold.path)
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // Never replaces a file, even one created since the check.
            try Data(scaffold.text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            FileHandleOutput.standardError("error: cannot create \(path): \(error.localizedDescription)")
            throw ExitCode(ExitCodeValue.usage.rawValue)
        }
        FileHandleOutput.standardOutput(path)
    }
}
