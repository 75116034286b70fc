import Synchronization
import Foundation
import Testing
@testable import KairanCore

/// The site plan lists every output exactly once, and everything the link table, the sitemap and
/// the asset copies know comes from it.
@Suite struct SitePlanTests {
    /// Output files of `fs` under `out/<audience>/` (as readers see them), relative to `out/`.
    static func written(_ fs: MemoryFileSystem) -> Set<String> {
        Set(fs.paths.filter { path in Audience.allCases.contains { path.hasPrefix("out/\($0.folder)/") } }.map { String($0.dropFirst(4)) })
    }

    @Test func everyFileWrittenIsInThePlanExactlyOnce() async throws {
        let (result, fs) = await TestSupport.build(try InternalTestSupport.demoSite())
        #expect(!result.failed, "\(result.diagnostics.filter { $0.severity == .error })")
        let planned = result.plan.outputs.map { "\($0.audience.folder)/\($0.path)" }
        #expect(planned.count == Set(planned).count, "a path is planned twice")
        #expect(Set(planned) == Self.written(fs))
        #expect(result.pages + result.files == planned.count)
        #expect(result.plan.outputs.allSatisfy { !result.plan.inputs(of: $0).isEmpty })
    }

    /// No step writes a file another step wrote (the search index's page store is written as soon
    /// as it is made, the rest of the index after the plan is completed).
    @Test func everyPlannedFileIsWrittenOnce() async throws {
        let files = WriteCountingFileSystem(MemoryFileSystem(try InternalTestSupport.demoSite()))
        let options = BuildOptions(siteDirectory: "site", outputDirectory: "out", concurrency: 2,
                                   clock: BuildClock(date: CivilDate(iso: "2026-11-25")!))
        let result = await SiteBuilder(options: options, fileSystem: files).run()
        #expect(result.committed, "\(result.diagnostics.filter { $0.severity == .error })")
        let writes = files.writes
        let planned = result.plan.outputs.map { "/\($0.audience.folder)/\($0.path)" }
        for path in planned {
            let count = writes.filter { $0.key.hasSuffix(path) && $0.key.contains("out/.kairan/") }.map(\.value).reduce(0, +)
            #expect(count == 1, "\(path) written \(count) times")
        }
    }

    @Test func everyPlannedPublicOutputIsLinkableFromMarkdown() async throws {
        var files = try InternalTestSupport.demoSite()
        let (first, _) = await TestSupport.build(files, write: false)
        // The search index's files are the client's data, planned once the index is built (their
        // number depends on it): no page links to them. Content assets (the demo's images) are
        // planned because a page links to them relatively (`images/a.png`), which is how they are linked.
        let urls = first.plan.outputs(for: .public).filter { $0.kind != .searchIndex && $0.kind != .contentAsset }.map(\.url)
        #expect(urls.contains("/releases/atom.xml") && urls.contains("/releases/feed.json") && urls.contains("/releases/type/major/"))
        files["site/content/kb/faq/every-output.md"] = "---\ntitle: すべての出力\n---\n"
            + urls.enumerated().map { "- [出力\($0.offset)](\($0.element))" }.joined(separator: "\n") + "\n"
        let (result, _) = await TestSupport.build(files, write: false)
        let linkErrors = result.diagnostics.filter { $0.location.file == "content/kb/faq/every-output.md" }
        #expect(linkErrors.isEmpty, "\(linkErrors)")
    }

    @Test func trainingPagesLinkToTheHelpCenterByAbsoluteURL() async throws {
        var files = try InternalTestSupport.demoSite()
        let program = "site/content/training/programs/onboarding.md"
        files[program] = try #require(files[program]) + "\n[サポート窓口](/support/)・[研修トップ](/training/)\n"
        let (result, fs) = await TestSupport.build(files)
        #expect(!result.failed, "\(result.diagnostics.filter { $0.severity == .error })")
        let page = fs.text("out/customers/training/programs/onboarding/index.html") ?? ""
        // The help center's page by absolute URL: the portal has no /support/ of its own.
        #expect(page.contains("<a href=\"https://help.example.com/support/\">サポート窓口</a>"), "\(page)")
        #expect(page.contains("<a href=\"/training/\">研修トップ</a>"))
    }

    @Test func aCustomersReleaseWithoutTrainingHasItsAssetsAndItsOwnCanonical() async {
        var files = TestSupport.smallSite
        files["site/site.yaml"] = TestSupport.siteYAML + "\ncustomers_base_url: https://portal.example.com/\n"
        files["site/content/releases/1.0.0.md"] = AudienceLeakTests.release("1.0.0", date: "2026-04-14", title: "顧客向け", type: "major",
                                                                             extra: "audience: customers\n")
        let (result, fs) = await TestSupport.build(files)
        #expect(!result.failed, "\(result.diagnostics)")
        let page = fs.text("out/customers/releases/1.0.0/index.html") ?? ""
        #expect(fs.text("out/customers/assets/kairan.css") != nil, "the page's stylesheet is written beside it")
        #expect(page.contains("href=\"/assets/kairan.css\""))
        #expect(!page.contains("https://help.example.com/releases/1.0.0/"), "no public canonical URL")
        #expect(!page.contains("/tags/") && !page.contains("href=\"/support/\""), "no public navigation")
    }

    @Test func anInternalReleaseUsesTheInternalLayoutWithRelativeLinks() async {
        var files = TestSupport.smallSite
        files["site/content/releases/1.0.0.md"] = AudienceLeakTests.release("1.0.0", date: "2026-04-14", title: "社内版", type: "major",
                                                                             extra: "audience: internal\n")
        files["site/content/releases/1.0.1.md"] = AudienceLeakTests.release("1.0.1", date: "2026-04-20", title: "社内修正", extra: "audience: internal\n")
        let (result, fs) = await TestSupport.build(files)
        #expect(!result.failed, "\(result.diagnostics)")
        let page = fs.text("out/internal/releases/1.0.0/index.html") ?? ""
        #expect(page.contains("社内限定"))
        #expect(page.contains("href=\"../../assets/kairan.css\""))
        #expect(page.contains("href=\"../../releases/1.0.1/\""), "the pager links relatively")
        #expect(!page.contains("href=\"/"), "no site-absolute link inside the internal tree")
        #expect(fs.text("out/internal/assets/kairan.css") != nil)
    }

    @Test func aStaticFileThatWouldReplaceAGeneratedOneIsAnError() async {
        var files = TestSupport.smallSite
        files["site/static/robots.txt"] = "User-agent: *\n"
        let (result, _) = await TestSupport.build(files)
        #expect(result.diagnostics.map(\.description).contains { $0.hasPrefix("static/robots.txt: error: public/robots.txt would be written twice") },
                "\(result.diagnostics)")
    }
}

/// A file system that counts the writes of each path (files written or copied) and otherwise is `base`.
final class WriteCountingFileSystem: FileSystem {
    private let base: MemoryFileSystem
    private let counts = Mutex<[String: Int]>([:])

    init(_ base: MemoryFileSystem) { self.base = base }

    /// How often each path was written.
    var writes: [String: Int] { counts.withLock { $0 } }

    private func count(_ path: String) { counts.withLock { $0[path, default: 0] += 1 } }

    func read(_ path: String, limit: Int?) throws -> [UInt8] { try base.read(path, limit: limit) }
    func list(_ path: String) throws -> [String] { try base.list(path) }
    func kind(of path: String) -> FileKind { base.kind(of: path) }
    func write(_ path: String, _ bytes: [UInt8]) throws { count(path); try base.write(path, bytes) }
    func write(_ path: String, text: String) throws { count(path); try base.write(path, text: text) }
    func copyFile(_ source: String, to destination: String, followingLinks: Bool) throws {
        count(destination)
        try base.copyFile(source, to: destination, followingLinks: followingLinks)
    }
    func createDirectory(_ path: String) throws { try base.createDirectory(path) }
    func remove(_ path: String) throws { try base.remove(path) }
    func replace(_ to: String, with from: String) throws { try base.replace(to, with: from) }
    func entries(_ path: String) throws -> [FolderEntry] { try base.entries(path) }
    func readWithoutFollowing(_ path: String, limit: Int?) throws -> [UInt8] { try base.readWithoutFollowing(path, limit: limit) }
    func readPrefix(_ path: String, count: Int) throws -> [UInt8] { try base.readPrefix(path, count: count) }
    func entryKind(of path: String) -> FileKind { base.entryKind(of: path) }
    func linkTarget(of path: String) -> String? { base.linkTarget(of: path) }
    func createSymbolicLink(_ path: String, to target: String) throws { try base.createSymbolicLink(path, to: target) }
    func realPath(_ path: String) -> String? { base.realPath(path) }
    func synchronize(_ path: String) throws { try base.synchronize(path) }
    func lock(_ path: String, owner: String) throws -> LockAttempt { try base.lock(path, owner: owner) }
    func reusableContents(of root: String) throws -> [ReusableEntry] { try base.reusableContents(of: root) }
}
