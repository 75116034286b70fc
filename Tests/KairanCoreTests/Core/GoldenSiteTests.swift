import Foundation
import Testing
@testable import KairanCore

/// Builds the fixture sites in Fixtures/<name>/site and compares every output file with
/// Fixtures/<name>/expected. Set KAIRAN_UPDATE_GOLDEN=1 to rewrite the expected files.
///
/// - `golden`: a small help center with release notes;
/// - `structure`: sections, aliases (redirect pages, `_redirects`, a full-URL alias, an `.html`
///   alias, a release alias), a scheduled article and release, `generate: {robots: false}` with a
///   static robots.txt, and the internal content-health page.
@Suite struct GoldenSiteTests {
    static let root = TestSupport.fixtures + "/golden"

    static func files(under folder: String, prefix: String) -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return result }
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
               let text = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8) {
                result[prefix + path] = text
            }
        }
        return result
    }

    @Test func fixtureSiteMatchesGoldenFiles() async throws {
        try await Self.compare(Self.root)
    }

    @Test func structureSiteMatchesGoldenFiles() async throws {
        try await Self.compare(TestSupport.fixtures + "/structure")
    }

    /// Builds `root`/site and compares its output with `root`/expected.
    static func compare(_ root: String) async throws {
        let site = Self.files(under: root + "/site", prefix: "site/")
        let (result, fs) = await TestSupport.build(site)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        var produced = Dictionary(uniqueKeysWithValues: fs.paths.filter { $0.hasPrefix("out/") && !$0.hasPrefix("out/.kairan") }
            .map { (String($0.dropFirst("out/".count)), fs.text($0) ?? "") })
        // The default theme's assets are copied as they are: compared with the theme's own files,
        // not kept as golden copies (which every theme edit would have to rewrite); which tree
        // gets which asset stays golden, as the list `theme-assets.txt`.
        var themeAssets: [String] = []
        for path in produced.keys.sorted() {
            let parts = path.split(separator: "/", maxSplits: 2)
            guard parts.count == 3, parts[1] == "assets", site["site/templates/assets/" + parts[2]] == nil,
                  let theme = try? String(contentsOfFile: TestSupport.repositoryRoot + "/templates/assets/" + parts[2], encoding: .utf8)
            else { continue }
            #expect(produced[path] == theme, "\(path) is not the theme's templates/assets/\(parts[2])")
            produced[path] = nil
            themeAssets.append(path)
        }
        produced["theme-assets.txt"] = themeAssets.joined(separator: "\n") + "\n"
        let expectedFolder = root + "/expected"
        if ProcessInfo.processInfo.environment["KAIRAN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: expectedFolder)
            for (path, text) in produced {
                let full = expectedFolder + "/" + path
                try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try text.write(toFile: full, atomically: true, encoding: .utf8)
            }
        }
        let expected = Self.files(under: expectedFolder, prefix: "")
        #expect(!expected.isEmpty, "no golden files; run with KAIRAN_UPDATE_GOLDEN=1")
        #expect(Set(produced.keys) == Set(expected.keys))
        for (path, text) in expected.sorted(by: { $0.key < $1.key }) where produced[path] != text {
            Issue.record("\(path) differs from its golden file")
        }
    }
}
