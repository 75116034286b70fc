import Foundation
import Testing
@testable import KairanCore

/// The home pages of the customers' portal and of the internal tree: planned outputs with their
/// inputs (so `kairan outputs` lists them), in each tree's layout, linked from its navigation,
/// every link on them leading to a written file, and no internal data in the portal's.
@Suite struct LandingPageTests {
    /// The written file a link of the page `page` (a folder path of `tree`) leads to, or nil for
    /// links that leave the tree (absolute URLs) or only name a fragment.
    static func target(_ href: String, from page: String, tree: String) -> String? {
        let link = String(href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
        if link.isEmpty || link.contains("://") || link.hasPrefix("mailto:") { return nil }
        var parts = link.hasPrefix("/") ? [] : page.split(separator: "/").map(String.init)
        for part in link.split(separator: "/").map(String.init) {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
        }
        let path = parts.joined(separator: "/")
        let file = link.hasSuffix("/") || path.isEmpty ? (path.isEmpty ? "index.html" : path + "/index.html") : path
        return "out/\(tree)/" + (file.removingPercentEncoding ?? file)
    }

    static func hrefs(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first }
            .map { String($0).replacingOccurrences(of: "&amp;", with: "&") }
    }

    @Test func bothTreesHaveAPlannedHomePage() async throws {
        let (result, fileSystem) = await TestSupport.build(try InternalTestSupport.demoSite())
        #expect(!result.failed, "\(result.diagnostics.filter { $0.severity == .error })")
        let portal = try #require(result.plan.outputs.first { $0.audience == .customers && $0.path == "index.html" })
        #expect(portal.kind == .portalHome && portal.template == "customers/index" && portal.url == "/")
        let portalInputs = result.plan.inputs(of: portal)
        #expect(portalInputs.contains(.releases(.customers)) && portalInputs.contains(.navigation))
        #expect(portalInputs.contains(.metadata("content/training/programs/onboarding.md")))
        let home = try #require(result.plan.outputs.first { $0.audience == .internal && $0.path == "index.html" })
        #expect(home.kind == .internalHome && home.template == "internal/index")
        #expect(result.plan.inputs(of: home).contains(.file("content/data/kpis.yaml")))
        #expect(result.plan.inputs(of: home).contains(.releases(.internal)))
        // Listed by `kairan outputs`.
        let listing = result.plan.lines(result.plan.outputs(for: nil))
        #expect(listing.contains { $0.hasPrefix("customers/index.html\tportal-home\tcustomers/index\t") })
        #expect(listing.contains { $0.hasPrefix("internal/index.html\tinternal-home\tinternal/index\t") })

        let portalPage = try #require(fileSystem.text("out/customers/index.html"))
        for fragment in ["<title>整骨院クラウド ヘルプセンター お客様ポータル</title>", "<h1>お客様ポータル</h1>", "お客様向けリリースノート",
                         "<a href=\"/training/\">研修・イベント</a>", "<a href=\"/reports/weekly/\">ステータスレポート</a>",
                         "<a href=\"/\" aria-current=\"page\">ホーム</a>"] {
            #expect(portalPage.contains(fragment), "\(fragment)")
        }
        let internalPage = try #require(fileSystem.text("out/internal/index.html"))
        for fragment in ["社内限定", "<h1>社内ページ</h1>", "<a href=\"./kpi/\">KPIダッシュボード</a>", "<a href=\"./roadmap/\">ロードマップ</a>",
                         "<a href=\"./content/\">コンテンツの健全性</a>", "社内向けリリースノート", "<a href=\"./releases/1.7.1/\">v1.7.1",
                         "<a href=\"./\" aria-current=\"page\">ホーム</a>", "承認基準の違反</a> 1件"] {
            #expect(internalPage.contains(fragment), "\(fragment)")
        }
        // Every link on both pages leads to a file of the same tree.
        for (tree, html) in [("customers", portalPage), ("internal", internalPage)] {
            for href in Self.hrefs(html) {
                guard let file = Self.target(href, from: "", tree: tree) else { continue }
                #expect(fileSystem.text(file) != nil || fileSystem.paths.contains(file), "\(tree): \(href) → \(file)")
            }
        }
        // Every page of each tree links back to its home from the navigation.
        for path in fileSystem.paths where path.hasSuffix(".html") && (path.hasPrefix("out/internal/") || path.hasPrefix("out/customers/")) {
            let html = fileSystem.text(path) ?? ""
            let tree = path.hasPrefix("out/internal/") ? "internal" : "customers"
            let page = String(path.dropFirst("out/\(tree)/".count).dropLast("index.html".count))
            let home = Self.hrefs(html).first { Self.target($0, from: page, tree: tree) == "out/\(tree)/index.html" }
            #expect(home != nil, "\(path) does not link to its tree's home")
        }
    }

    @Test func aSiteWithoutTheTreesHasNoHomePages() async throws {
        let (result, fileSystem) = await TestSupport.build(TestSupport.smallSite)
        #expect(!result.plan.outputs.contains { $0.kind == .portalHome || $0.kind == .internalHome })
        #expect(fileSystem.text("out/customers/index.html") == nil && fileSystem.text("out/internal/index.html") == nil)
    }
}
