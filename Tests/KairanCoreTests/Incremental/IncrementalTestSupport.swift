import Foundation
import Testing
@testable import KairanCore

/// A small site in memory under `site/` for the incremental-build tests: two categories of
/// articles, the repository's templates, two releases and the internal fixture's KPIs.
enum IncrementalTestSupport {
    static let date = "2026-11-25"
    /// The repository's templates: the default theme's sources.
    static let templates = TestSupport.repositoryRoot + "/templates"

    static func options(jobs: Int = 2) -> BuildOptions {
        BuildOptions(siteDirectory: "site", outputDirectory: "out", concurrency: jobs, clock: BuildClock(date: CivilDate(iso: date)!))
    }

    /// The site's files: the small site, `templates/` of the repository (the default theme's
    /// sources) unless `templates` is false, releases, KPI data.
    static func site(templates copied: Bool = true) throws -> [String: String] {
        var files = TestSupport.smallSite
        for path in InternalTestSupport.files(under: templates) where copied {
            files["site/templates/" + path] = try String(contentsOfFile: templates + "/" + path, encoding: .utf8)
        }
        let data = InternalTestSupport.fixtureFolder + "/data"
        for path in InternalTestSupport.files(under: data) where path == "kpis.yaml" || path.hasPrefix("metrics/") {
            files["site/content/data/" + path] = try String(contentsOfFile: data + "/" + path, encoding: .utf8)
        }
        files["site/content/releases/v1.0.0.md"] = release(version: "1.0.0", date: "2026-10-13", type: "major", title: "最初のリリース", audience: "public")
        files["site/content/releases/v1.0.1.md"] = release(version: "1.0.1", date: "2026-10-20", type: "hotfix", title: "修正リリース", audience: "public")
        return files
    }

    static func release(version: String, date: String, type: String, title: String, audience: String, body: String = "不具合を修正しました。") -> String {
        "---\nversion: \"\(version)\"\ndate: \(date)\ntype: \(type)\ntitle: \"\(title)\"\nsummary: \"\(title)の概要\"\naudience: \(audience)\n---\n## 修正内容\n\n- \(body)\n"
    }

    /// `fields`: more front matter lines (`slug: x`, `draft: true`).
    static func article(title: String, tags: [String], weight: Int, body: String, fields: [String] = []) -> String {
        "---\ntitle: \(title)\nsummary: \(title)の概要\ntags: [\(tags.joined(separator: ", "))]\ndate: 2026-06-01\nweight: \(weight)\n"
            + fields.map { $0 + "\n" }.joined() + "---\n\(body)\n"
    }

    /// A full build of what `fileSystem` holds now, as a tree (nil when it has errors).
    static func fullBuild(_ fileSystem: MemoryFileSystem) async -> (tree: SiteTree?, result: BuildResult) {
        let result = await SiteBuilder(options: options(), fileSystem: fileSystem).run()
        guard result.committed else { return (nil, result) }
        var files: [OutputKey: [UInt8]] = [:]
        for output in result.plan.outputs {
            files[OutputKey(audience: output.audience, path: output.path)] = try? fileSystem.read("out/\(output.audience.folder)/\(output.path)")
        }
        return (SiteTree(files: files), result)
    }

    /// The outputs where two trees differ (missing on either side or other bytes), sorted.
    static func differences(_ incremental: SiteTree, _ full: SiteTree) -> [String] {
        let keys = Set(incremental.files.keys).union(full.files.keys)
        return keys.filter { incremental.files[$0] != full.files[$0] }.sorted().map(\.description)
    }
}

/// SplitMix64: a small seeded generator, so a failing sequence of edits can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
