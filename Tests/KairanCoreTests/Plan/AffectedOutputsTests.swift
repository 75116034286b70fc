import Foundation
import Testing
@testable import KairanCore

/// `kairan outputs --affected-by FILE` names exactly the outputs an edit of FILE can change: an
/// edit changes no other file (checked by comparing two full builds), and the lists are the ones a
/// writer expects.
@Suite struct AffectedOutputsTests {
    static var site: [String: String] {
        var files = TestSupport.smallSite
        files["site/content/releases/1.0.0.md"] = AudienceLeakTests.release("1.0.0", date: "2026-04-14", title: "最初の版", type: "major")
        files["site/content/releases/1.0.1.md"] = AudienceLeakTests.release("1.0.1", date: "2026-04-20", title: "修正版")
        files["site/content/data/kpis.yaml"] = """
            kpis:
              - id: uptime
                name: 稼働率
                unit: "%"
                target: ">= 99.9"
                frequency: daily
              - id: csat
                name: 顧客満足度
                target: ">= 4.0"
                frequency: monthly
            """
        files["site/content/data/metrics/uptime.csv"] = "date,value\n2026-11-20,99.95\n2026-11-21,99.99\n"
        files["site/content/data/metrics/csat.csv"] = "date,value\n2026-10-31,4.2\n"
        return files
    }

    /// An edit: the file, and how the site looks after it.
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var change: @Sendable ([String: String]) -> [String: String]
        var testDescription: String { name }
    }

    static func edit(_ name: String, _ file: String, _ transform: @escaping @Sendable (String?) -> String) -> Edit {
        Edit(name: name, file: file) { files in
            var files = files
            files["site/" + file] = transform(files["site/" + file])
            return files
        }
    }

    static let edits: [Edit] = [
        edit("article body", "content/kb/account/mfa.md") { ($0 ?? "") + "\n追記した本文。\n" },
        edit("article title", "content/kb/account/mfa.md") { ($0 ?? "").replacingOccurrences(of: "title: 多要素認証", with: "title: 二段階認証") },
        edit("category", "content/kb/account/_index.md") { ($0 ?? "").replacingOccurrences(of: "title: アカウント", with: "title: アカウント管理") },
        edit("tag added", "content/kb/account/mfa.md") { ($0 ?? "").replacingOccurrences(of: "tags: [セキュリティ]", with: "tags: [セキュリティ, ログイン]") },
        edit("release", "content/releases/1.0.1.md") { ($0 ?? "").replacingOccurrences(of: "title: 修正版", with: "title: 不具合修正版") },
        edit("template", "templates/tag.mustache") { _ in "{{<layout}}{{$main}}<p>{{tag.name}}（{{tag.count}}件）</p>{{/main}}{{/layout}}\n" },
        edit("partial", "templates/partials/footer.mustache") { _ in "<footer><p>{{site.title}}</p></footer>\n" },
        edit("site.yaml", "site.yaml") { ($0 ?? "").replacingOccurrences(of: "title: テストヘルプ", with: "title: 新しいヘルプ") },
        edit("KPI CSV", "content/data/metrics/uptime.csv") { ($0 ?? "") + "2026-11-22,98.00\n" },
    ]

    /// The output files of a build, as `audience/path` → bytes.
    static func outputs(_ files: [String: String]) async -> (BuildResult, [String: [UInt8]]) {
        let (result, fs) = await TestSupport.build(files)
        var outputs: [String: [UInt8]] = [:]
        for path in SitePlanTests.written(fs) { outputs[path] = try? fs.read("out/" + path) }
        return (result, outputs)
    }

    static func affected(_ result: BuildResult, _ file: String) -> Set<String> {
        Set(result.plan.affected(by: [file]).map { "\($0.audience.folder)/\($0.path)" })
    }

    @Test(arguments: edits)
    func anEditChangesNothingOutsideItsAffectedOutputs(_ edit: Edit) async {
        let (before, old) = await Self.outputs(Self.site)
        let (after, new) = await Self.outputs(edit.change(Self.site))
        #expect(!before.failed && !after.failed, "\(before.diagnostics) \(after.diagnostics)")
        let changed = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
        #expect(!changed.isEmpty, "the edit changed nothing")
        // What the edit may touch, seen from the plan before and after it (a page that stops
        // showing the edited article is only in the plan before).
        let affected = Self.affected(before, edit.file).union(Self.affected(after, edit.file))
        let missed = changed.subtracting(affected)
        #expect(missed.isEmpty, "changed but not listed as affected: \(missed.sorted())")
        if let expected = Self.expected[edit.name] {
            #expect(affected == Set(expected.map { $0.hasPrefix("internal/") ? $0 : "public/" + $0 }), "\(affected.sorted())")
        } else {  // site.yaml: every output but the theme's assets and the KPI exports (no site value in them)
            #expect(affected == Set(after.plan.outputs.filter { ![.themeAsset, .kpiExport].contains($0.kind) }.map { "\($0.audience.folder)/\($0.path)" }))
        }
    }

    /// What a writer expects each edit to touch (the public tree unless `internal/`).
    static let expected: [String: [String]] = {
        // mfa.md is in アカウント with password.md (same category: related list and pager), tagged セキュリティ;
        // the content-health page reads every Markdown source.
        let health = "internal/content/index.html"
        // The search index: its manifest and term shard (every page's text), and the page-store file
        // of each page whose record changes (pages in URL order: the category 0, mfa 1, password 2, …).
        let search = ["search/index.json", "search/t/0.bin"]
        let article = ["index.html", "kb/account/index.html", "kb/account/mfa/index.html", "kb/account/password/index.html",
                       "sitemap.xml", "tags/index.html", "tags/セキュリティ/index.html", health] + search + ["search/d/1.json"]
        let releaseLists = ["index.html", "releases/index.html", "releases/type/major/index.html", "releases/type/minor/index.html",
                            "releases/type/hotfix/index.html"]
        let layoutPages = ["404.html", "index.html", "kb/account/index.html", "kb/account/mfa/index.html", "kb/account/password/index.html",
                           "kb/start/index.html", "kb/start/login/index.html", "releases/1.0.0/index.html", "releases/1.0.1/index.html",
                           "search/index.html", "support/index.html", "tags/index.html", "tags/セキュリティ/index.html", "tags/ログイン/index.html",
                           "tags/初心者/index.html"] + releaseLists.dropFirst()
        return [
            "article body": article,
            "article title": article,
            // login.md is in another category: its sidebar lists アカウント among the other categories.
            "category": ["index.html", "kb/account/index.html", "kb/account/mfa/index.html", "kb/account/password/index.html", "sitemap.xml",
                         "kb/start/login/index.html", health, "search/d/0.json", "search/d/1.json", "search/d/2.json"] + search,
            // Now shares ログイン with login.md: login's related list and the ログイン tag page.
            "tag added": article + ["kb/start/login/index.html", "tags/ログイン/index.html"],
            "release": releaseLists + ["releases/1.0.0/index.html", "releases/1.0.1/index.html", "releases/atom.xml", "releases/feed.json",
                                       "releases/inapp.json", "sitemap.xml", health, "search/d/6.json"] + search,
            "template": ["tags/セキュリティ/index.html", "tags/ログイン/index.html", "tags/初心者/index.html"],
            "partial": layoutPages,
            "KPI CSV": ["internal/index.html", "internal/kpi/index.html", "internal/kpi/uptime/index.html", "internal/kpi/kpis.json", "internal/kpi/kpis.csv"],
        ]
    }()
}
