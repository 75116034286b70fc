import Foundation
import Testing
@testable import KairanCore

/// The oracle of incremental builds: after every edit of a random sequence, the incremental tree
/// is byte-identical to a full build of the same sources (and both fail together).
@Suite struct IncrementalOracleTests {
    /// The site as the test edits it: generated articles it may rewrite or delete.
    struct Model {
        struct Entry { var title: String; var tags: [String]; var weight: Int; var body: String; var fields: [String] = [] }
        var articles: [String: Entry] = [:]
        /// Articles other bodies link to: never deleted (their titles still change).
        var stable: [String] = []
        var next = 0
        var templateEdits: [String: Int] = [:]
        /// An article given a slug another article has, or made a draft: undone by the next step.
        var undo: String?
    }

    static let tagPool = ["初心者", "ログイン", "セキュリティ", "管理者", "CSV", "モバイル"]
    static let categories = ["start", "account"]

    @Test func twoHundredRandomEditsMatchAFullBuild() async throws {
        // The default theme, overridden file by file as templates are edited (fewer templates to load).
        let files = try IncrementalTestSupport.site(templates: false)
        let fileSystem = MemoryFileSystem(files)
        var random = SeededGenerator(seed: 20261201)
        var model = Model()
        for index in 0..<6 { add(&model, &random, fileSystem, stable: index < 2) }
        let incremental = IncrementalBuild(options: IncrementalTestSupport.options(), fileSystem: fileSystem)
        let first = await incremental.rebuild()
        let (full, fullResult) = await IncrementalTestSupport.fullBuild(fileSystem)
        #expect(fullResult.errorCount == 0, "\(fullResult.diagnostics)")
        let firstTree = try #require(first.tree, "\(first.diagnostics)")
        #expect(IncrementalTestSupport.differences(firstTree, try #require(full)) == [])

        var failures = 0
        var compared = 0
        var rendered = 0
        var patched = 0
        var resolvedAgain = 0
        var collisions = 0
        var drafts = 0
        var clock = ContinuousClock.now
        var incrementalTime = Duration.zero
        var deferredSteps = 0
        var overtaken = 0
        for step in 0..<200 {
            var (edit, changed) = applyRandomEdit(&model, &random, fileSystem, step: step)
            clock = .now
            // Every other step as `kairan serve` builds: the pages first, the search index after;
            // now and then the next edit overtakes a pending index.
            let deferring = step % 2 == 1
            var result = await incremental.rebuild(changed: changed, deferSearch: deferring)
            if result.searchPending, step % 10 == 5 {
                let (more, moreChanged) = applyRandomEdit(&model, &random, fileSystem, step: step)
                edit += " then " + more
                changed = moreChanged
                result = await incremental.rebuild(changed: changed, deferSearch: true)
                overtaken += 1
            }
            if result.searchPending {
                deferredSteps += 1
                #expect(result.tree?.files.keys.contains { $0.isSearchIndexFile } == false, "step \(step): index files before the index")
                let whole = await incremental.completeSearch()
                result = try #require(whole, "step \(step) \(edit): no index after the pages")
                #expect(result.tree?.files.keys.contains { $0.isSearchIndexFile } == true)
            }
            incrementalTime += ContinuousClock.now - clock
            if edit.hasPrefix("slug of") {
                collisions += 1
                #expect(result.tree == nil && result.diagnostics.contains { $0.message.contains("both publish") }, "step \(step) \(edit)")
            }
            if edit.hasPrefix("draft") { drafts += 1 }
            rendered += result.rendered.count
            if result.timings.contains(where: { $0.step == "load edited articles" }) { patched += 1 }
            if result.timings.contains(where: { $0.step == "load edited articles, keep the other sources" }) { resolvedAgain += 1 }
            let (full, fullResult) = await IncrementalTestSupport.fullBuild(fileSystem)
            #expect((result.tree == nil) == (full == nil), "step \(step) \(edit): \(result.diagnostics) vs \(fullResult.diagnostics)")
            if let tree = result.tree, let full {
                let differences = IncrementalTestSupport.differences(tree, full)
                #expect(differences == [], "step \(step) \(edit): \(differences)")
                if !differences.isEmpty { failures += 1 }
                compared += 1
            }
            if failures > 3 { break }
        }
        // Most steps build (a broken link to a deleted article fails both builds until fixed).
        #expect(compared > 150, "only \(compared) steps built")
        // Body edits take the path that patches the last build's sources instead of loading them.
        #expect(patched > 20, "only \(patched) body edits patched")
        // Front matter edits load only the edited article and resolve the site again.
        #expect(resolvedAgain > 20, "only \(resolvedAgain) front matter edits loaded alone")
        #expect(collisions > 0 && drafts > 0, "\(collisions) slug collisions, \(drafts) drafts")
        // Most deferring steps edited what the index reads; some were overtaken by the next edit.
        #expect(deferredSteps > 40 && overtaken > 5, "\(deferredSteps) deferred, \(overtaken) overtaken")
        print("incremental: \(compared) steps compared, \(patched) patched, \(rendered) outputs rendered of \(firstTree.files.count) per build, \(incrementalTime)")
    }

    // MARK: Edits

    func path(_ category: String, _ slug: String) -> String { "content/kb/\(category)/\(slug).md" }

    func write(_ model: Model, _ path: String, _ fileSystem: MemoryFileSystem) {
        guard let entry = model.articles[path] else { return }
        try? fileSystem.write("site/" + path, text: IncrementalTestSupport.article(title: entry.title, tags: entry.tags, weight: entry.weight, body: entry.body,
                                                                                 fields: entry.fields))
    }

    func body(_ model: Model, _ random: inout SeededGenerator, own path: String) -> String {
        var text = "本文\(random.next() % 1000)です。\n\n## 手順\(random.next() % 3)\n\n手順を説明します。"
        if let target = model.stable.filter({ $0 != path }).randomElement(using: &random), Bool.random(using: &random) {
            text += "\n\n[関連する記事](../\(target.split(separator: "/").suffix(2).joined(separator: "/")))を参照してください。"
        }
        return text
    }

    func add(_ model: inout Model, _ random: inout SeededGenerator, _ fileSystem: MemoryFileSystem, stable: Bool = false) {
        let category = Self.categories.randomElement(using: &random)!
        let path = path(category, "generated-\(model.next)")
        model.next += 1
        let tags = Array(Self.tagPool.shuffled(using: &random).prefix(Int(random.next() % 3)))
        let text = body(model, &random, own: path)
        model.articles[path] = Model.Entry(title: "記事\(model.next)", tags: tags, weight: Int(random.next() % 5), body: text)
        if stable { model.stable.append(path) }
        write(model, path, fileSystem)
    }

    func applyRandomEdit(_ model: inout Model, _ random: inout SeededGenerator, _ fileSystem: MemoryFileSystem, step: Int) -> (String, [String]) {
        let roll = Int(random.next() % 100)
        let existing = model.articles.keys.sorted()
        let target = existing.randomElement(using: &random)!
        if let undone = model.undo {
            model.undo = nil
            model.articles[undone]?.fields = []
            write(model, undone, fileSystem)
            return ("undo \(undone)", [undone])
        }
        switch roll {
        case 0..<25:
            let text = body(model, &random, own: target)
            model.articles[target]?.body = text
            write(model, target, fileSystem)
            return ("body \(target)", [target])
        case 25..<40:
            model.articles[target]?.title = "記事\(random.next() % 50)"
            write(model, target, fileSystem)
            return ("title \(target)", [target])
        case 40..<52:
            model.articles[target]?.tags = Array(Self.tagPool.shuffled(using: &random).prefix(Int(random.next() % 3)))
            write(model, target, fileSystem)
            return ("tags \(target)", [target])
        case 52..<54:
            model.articles[target]?.weight = Int(random.next() % 5)
            write(model, target, fileSystem)
            return ("weight \(target)", [target])
        case 54..<55:
            // Two articles on one URL: both builds fail until the next step undoes it.
            let category = target.split(separator: "/")[2]
            guard let other = existing.first(where: { $0 != target && $0.split(separator: "/")[2] == category }) else { return ("nothing", []) }
            model.articles[target]?.fields = ["slug: " + String(other.split(separator: "/").last?.dropLast(3) ?? "")]
            model.undo = target
            write(model, target, fileSystem)
            return ("slug of \(other) for \(target)", [target])
        case 55..<56:
            // A draft leaves the lists (and links to it break when other bodies link to it).
            model.articles[target]?.fields = ["draft: true"]
            model.undo = target
            write(model, target, fileSystem)
            return ("draft \(target)", [target])
        case 56..<64:
            add(&model, &random, fileSystem)
            let added = model.articles.keys.first { !existing.contains($0) } ?? ""
            return ("new \(added)", [added])
        case 64..<70:
            let deletable = existing.filter { !model.stable.contains($0) }
            guard let victim = deletable.randomElement(using: &random), deletable.count > 2 else { return ("nothing", []) }
            model.articles[victim] = nil
            try? fileSystem.remove("site/" + victim)
            return ("delete \(victim)", [victim])
        case 70..<78:
            let templates = ["templates/partials/footer.mustache", "templates/partials/article-item.mustache",
                             "templates/article.mustache", "templates/internal/kpi.mustache", "templates/partials/header.mustache"]
            let template = templates.randomElement(using: &random)!
            let original = (try? String(contentsOfFile: IncrementalTestSupport.templates + "/" + template.dropFirst("templates/".count), encoding: .utf8)) ?? ""
            let count = (model.templateEdits[template] ?? 0) + 1
            model.templateEdits[template] = count
            let edited: String
            if template == "templates/article.mustache" {
                edited = original.replacingOccurrences(of: "<h1>{{article.title}}</h1>", with: "<h1 data-edit=\"\(count)\">{{article.title}}</h1>")
            } else if template == "templates/internal/kpi.mustache" {
                edited = original.replacingOccurrences(of: "<h1>{{name}}</h1>", with: "<h1 data-edit=\"\(count)\">{{name}}</h1>")
            } else {
                edited = original + "<!-- edit \(count) -->\n"
            }
            try? fileSystem.write("site/" + template, text: edited)
            return ("template \(template)", [template])
        case 78..<88:
            // Either release may leave the public site: with none public, the navigation loses リリースノート.
            let audiences = ["public", "public", "customers", "internal"]
            let (version, date, type) = Bool.random(using: &random) ? ("1.0.1", "2026-10-20", "hotfix") : ("1.0.0", "2026-10-13", "major")
            let release = IncrementalTestSupport.release(version: version, date: date, type: type,
                                                         title: "リリース\(random.next() % 9)", audience: audiences.randomElement(using: &random)!,
                                                         body: "修正\(random.next() % 9)")
            let path = "content/releases/v\(version).md"
            try? fileSystem.write("site/" + path, text: release)
            return ("release \(version)", [path])
        case 88..<95:
            let csv = "content/data/metrics/uptime.csv"
            let value = 99 + Double(random.next() % 100) / 100
            try? fileSystem.write("site/" + csv, text: "date,value\n2026-11-23,99.95\n2026-11-24,\(String(format: "%.2f", value))\n")
            return ("kpi csv", [csv])
        case 95..<98:
            let category = "content/kb/account/_index.md"
            try? fileSystem.write("site/" + category, text: "---\ntitle: アカウント\(random.next() % 5)\nweight: 2\n---\n")
            return ("category", [category])
        default:
            try? fileSystem.write("site/site.yaml", text: TestSupport.siteYAML + "\ndescription: 説明\(random.next() % 5)\n")
            return ("site.yaml", ["site.yaml"])
        }
    }
}
