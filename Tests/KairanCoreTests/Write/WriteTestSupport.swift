import Foundation
import Synchronization
@testable import KairanCore

/// Helpers for the write-stage tests: sites on disk, builds, and what a reader of the output sees.
enum WriteTestSupport {
    /// A new folder, in memory-backed /dev/shm where there is one (many builds run in these tests).
    static func temporaryFolder() -> String {
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm") ? "/dev/shm/" : NSTemporaryDirectory()
        let path = base + "kairan-write-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `files` (keys start with `site/`) into the folder `root`.
    static func writeSite(_ files: [String: String], to root: String) throws {
        for (path, text) in files {
            let full = root + "/" + path.dropFirst("site/".count)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
    }

    static func build(_ site: String, output: String? = nil, fileSystem: FileSystem = DiskFileSystem(),
                      date: String = "2026-12-20") async -> BuildResult {
        let options = BuildOptions(siteDirectory: site, outputDirectory: output, concurrency: 2,
                                   clock: BuildClock(date: CivilDate(iso: date)!))
        return await SiteBuilder(options: options, fileSystem: fileSystem).run()
    }

    /// Every file a reader reaches through `<output>/<audience>/` (links followed), and the marker.
    static func readerView(_ output: String) -> [String: [UInt8]] {
        let fileSystem = DiskFileSystem()
        var view: [String: [UInt8]] = [:]
        func walk(_ path: String, _ shown: String) {
            switch fileSystem.kind(of: path) {
            case .file: view[shown] = (try? fileSystem.read(path)) ?? []
            case .directory: for name in (try? fileSystem.list(path)) ?? [] { walk(path + "/" + name, shown + "/" + name) }
            default: break
            }
        }
        for audience in Audience.allCases { walk(output + "/" + audience.folder, audience.folder) }
        walk(output + "/.kairan-output", ".kairan-output")
        return view
    }

    /// The training site of `TrainingTests`: public and customers output.
    static var twoAudienceSite: [String: String] { TrainingTests.site }

    /// The small site with one article changed: public output only.
    static var editedSmallSite: [String: String] {
        var files = TestSupport.smallSite
        files["site/content/kb/account/mfa.md"] = "---\ntitle: 多要素認証（改訂）\ndate: 2026-06-01\ntags: [セキュリティ]\n---\n新しい本文。\n"
        return files
    }

    /// A site of `count` tiny articles in five categories.
    static func manyArticles(_ count: Int) -> [String: String] {
        var files = ["site/site.yaml": TestSupport.siteYAML]
        for category in 0..<5 { files["site/content/kb/c\(category)/_index.md"] = "---\ntitle: 分類\(category)\nweight: \(category + 1)\n---\n" }
        for index in 0..<count {
            files["site/content/kb/c\(index % 5)/a\(index).md"] = "---\ntitle: 記事\(index)\ndate: 2026-05-01\n---\n本文 \(index)。\n"
        }
        return files
    }
}

/// The disk, failing the `failAt`-th mutating operation (once) as a full disk or a pulled cable would.
final class FaultyFileSystem: FileSystem {
    struct InjectedFault: Error {}

    private let disk = DiskFileSystem()
    private let failAt: Int
    private let counter = Atomic<Int>(0)

    init(failAt: Int) { self.failAt = failAt }

    /// How many mutating operations were asked for.
    var operations: Int { counter.load(ordering: .relaxed) }

    private func mutate() throws {
        if counter.add(1, ordering: .relaxed).newValue == failAt { throw InjectedFault() }
    }

    func read(_ path: String, limit: Int?) throws -> [UInt8] { try disk.read(path, limit: limit) }
    func list(_ path: String) throws -> [String] { try disk.list(path) }
    func entries(_ path: String) throws -> [FolderEntry] { try disk.entries(path) }
    func kind(of path: String) -> FileKind { disk.kind(of: path) }
    func entryKind(of path: String) -> FileKind { disk.entryKind(of: path) }
    func linkTarget(of path: String) -> String? { disk.linkTarget(of: path) }
    func realPath(_ path: String) -> String? { disk.realPath(path) }
    func synchronize(_ path: String) throws { try disk.synchronize(path) }

    func write(_ path: String, _ bytes: [UInt8]) throws { try mutate(); try disk.write(path, bytes) }
    func write(_ path: String, text: String) throws { try mutate(); try disk.write(path, text: text) }
    func createDirectory(_ path: String) throws { try mutate(); try disk.createDirectory(path) }
    func remove(_ path: String) throws { try mutate(); try disk.remove(path) }
    func replace(_ to: String, with from: String) throws { try mutate(); try disk.replace(to, with: from) }
    func createSymbolicLink(_ path: String, to target: String) throws { try mutate(); try disk.createSymbolicLink(path, to: target) }
    func lock(_ path: String, owner: String) throws -> LockAttempt { try mutate(); return try disk.lock(path, owner: owner) }
    func reusableContents(of root: String) throws -> [ReusableEntry] { try mutate(); return try disk.reusableContents(of: root) }
}
