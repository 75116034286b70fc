import Foundation
import Testing
@testable import KairanCore

/// The theme embedded in the binary must be the repository's `templates/` (run `make theme`).
@Suite struct DefaultThemeTests {
    @Test func embeddedThemeMatchesTemplatesFolder() throws {
        let root = TestSupport.repositoryRoot + "/templates"
        var onDisk: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(atPath: root)
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
               !(path as NSString).lastPathComponent.hasPrefix(".") {
                onDisk[path] = Array(try Data(contentsOf: URL(fileURLWithPath: root + "/" + path)))
            }
        }
        let embedded = Dictionary(uniqueKeysWithValues: DefaultTheme.files)
        #expect(Set(embedded.keys) == Set(onDisk.keys), "run `make theme` (scripts/embed_theme.py)")
        for (path, bytes) in onDisk where embedded[path] != bytes {
            Issue.record("templates/\(path) differs from the embedded copy: run `make theme`")
        }
    }
}
