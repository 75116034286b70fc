import Foundation
@testable import KairanCore

/// Sites for the internal-pages tests, held in memory under `site/`.
enum InternalTestSupport {
    /// `Fixtures/internal/`: operations data whose every internal field holds a `CANARY-…` string.
    static let fixtureFolder = TestSupport.fixtures + "/internal"

    /// Every string planted in the canary fixture's internal fields.
    static let canaries = [
        // kpis.yaml (internal-audience KPIs)
        "canary-kpi", "CANARY-KPI-NAME", "canary-group", "CANARY-KPI-UNIT", "CANARY-KPI-METHOD",
        "canary-alert", "CANARY-ALERT-NAME", "CANARY-ALERT-METHOD",
        // backlog.yaml
        "CANARY-BL-1", "CANARY-BL-TITLE", "CANARY-BL-CATEGORY", "CANARY-BL-OWNER", "CANARY-CLINIC-A", "CANARY-CLINIC-B",
        "CANARY-APPROVER", "CANARY-BL-NOTES", "CANARY-BL-2", "CANARY-BL2-TITLE", "CANARY-BL2-OWNER", "CANARY-RELEASE",
        "CANARY-CLINIC-C", "CANARY-BL2-NOTES",
        // milestones.yaml
        "canary-phase", "CANARY-PHASE-NAME", "CANARY-PHASE-GOAL", "CANARY-CHECK-MANUAL", "CANARY-CHECK-RULE", "CANARY-CHECK-BACKLOG",
    ]

    /// The files under `folder`, relative to it, sorted.
    static func files(under folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// The small public site, a public release that names a canary backlog item, and the canary data in `content/data/`.
    static func canarySite() throws -> [String: String] {
        var site = TestSupport.smallSite
        for path in files(under: fixtureFolder + "/data") {
            site["site/content/data/" + path] = try String(contentsOfFile: fixtureFolder + "/data/" + path, encoding: .utf8)
        }
        site["site/content/releases/v1.0.0.md"] = """
            ---
            version: "1.0.0"
            date: 2026-04-14
            type: major
            title: 最初のリリース
            backlog:
              - CANARY-BL-1
            ---
            ## 新機能

            - [ログイン](../kb/start/login.md)の手順を改善しました。
            """
        return site
    }

    /// The repository's demo site (`site.yaml`, `content/`, `templates/`), under `site/`.
    static func demoSite() throws -> [String: String] {
        let root = TestSupport.repositoryRoot
        var site = ["site/site.yaml": try String(contentsOfFile: root + "/site.yaml", encoding: .utf8)]
        for folder in ["content", "templates"] {
            for path in files(under: root + "/" + folder) {
                // Images (content/kb/dashboard/images/*.png) are not text: held lossily, as the tests read pages, not images.
                let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(folder)/\(path)"))
                site["site/\(folder)/\(path)"] = String(decoding: bytes, as: UTF8.self)
            }
        }
        return site
    }

    /// Every written file (path → text) under `out/`, split into the internal tree and everything else.
    static func outputs(_ fileSystem: MemoryFileSystem) -> (internal: [String: String], other: [String: String]) {
        var inside: [String: String] = [:]
        var outside: [String: String] = [:]
        // As a reader sees the output: through out/<audience>, not the build slots in out/.kairan/.
        for path in fileSystem.paths where path.hasPrefix("out/") && !path.hasPrefix("out/.kairan/") {
            // Binary files too (the search index's shards): their keys are UTF-8 text.
            let text = fileSystem.text(path) ?? (try? fileSystem.read(path, limit: nil)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            if path.hasPrefix("out/internal/") { inside[path] = text } else { outside[path] = text }
        }
        return (inside, outside)
    }
}
