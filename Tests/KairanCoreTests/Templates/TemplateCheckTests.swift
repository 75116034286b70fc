import Testing
@testable import KairanCore

/// The theme check: names a template looks up must be values it receives (README "Templates"),
/// and syntax errors say in plain words what is wrong and where the section was opened.
@Suite struct TemplateCheckTests {
    /// The errors of building the small site with `templates` laid over the default theme.
    private func errors(_ templates: [String: String]) async -> [Diagnostic] {
        var files = TestSupport.smallSite
        for (path, text) in templates { files["site/templates/" + path] = text }
        let (result, _) = await TestSupport.build(files, write: false)
        return result.diagnostics.filter { $0.severity == .error }
    }

    /// The built-in article template with one line replaced.
    private func article(replacing old: String, with new: String) throws -> String {
        let source = try #require(ThemeFiles.builtIn.templates["article"])
        #expect(source.contains(old))
        return source.replacing(old, with: new)
    }

    @Test func misspeltVariableIsOneErrorAtItsTagWithDidYouMean() async throws {
        let template = try article(replacing: "<h1>{{article.title}}</h1>", with: "<h1>{{article.titel}}</h1>")
        let found = await errors(["article.mustache": template])
        #expect(found.count == 1)
        let error = try #require(found.first)
        #expect(error.location == SourceLocation(file: "templates/article.mustache", line: 10, column: 5))
        #expect(error.message == "`article.titel` is not a value the `article` template receives")
        #expect(error.hint == "did you mean `article.title`?")
    }

    @Test func typoInAPartialIsReportedOnceInThePartialsFile() async throws {
        let partial = "<li>\n<a href=\"{{href}}\">{{titel}}</a>\n</li>\n"
        let found = await errors(["partials/article-item.mustache": partial])
        // Included from home (twice), category and tag: still one error, in the partial's own file.
        #expect(found.count == 1)
        let error = try #require(found.first)
        #expect(error.location == SourceLocation(file: "templates/partials/article-item.mustache", line: 2, column: 20))
        #expect(error.message.hasPrefix("`titel` is not a value `partials/article-item` receives on the pages that use it ("))
        #expect(error.hint == "did you mean `title`?")
    }

    @Test func aNameFromASectionIsKnownOnlyInsideIt() async throws {
        let inside = try article(replacing: "<h1>{{article.title}}</h1>", with: "<h1>{{#article.tags}}{{name}}{{/article.tags}}</h1>")
        #expect(await errors(["article.mustache": inside]).isEmpty)
        let outside = try article(replacing: "<h1>{{article.title}}</h1>", with: "<h1>{{name}}</h1>")
        let found = await errors(["article.mustache": outside])
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "templates/article.mustache", line: 10, column: 5))
        #expect(found.first?.message == "`name` is not a value the `article` template receives")
        #expect(found.first?.hint == "`name` is known only inside `{{#article.tags}}…{{/article.tags}}` or `{{#site.support.channels}}…{{/site.support.channels}}`")
    }

    @Test func misspeltSectionIsOneErrorNotOnePerNameInside() async throws {
        let template = try article(replacing: "{{#article.tags}}\n<li><a href=\"{{href}}\">#{{name}}</a></li>\n{{/article.tags}}",
                                   with: "{{#article.tgas}}\n<li><a href=\"{{href}}\">#{{name}}</a></li>\n{{/article.tgas}}")
        let found = await errors(["article.mustache": template])
        #expect(found.count == 1)
        #expect(found.first?.message == "`article.tgas` is not a value the `article` template receives")
        #expect(found.first?.hint == "did you mean `article.tags`?")
    }

    @Test func aLayoutMayUseWhatOnlySomeOfItsPagesReceive() async throws {
        let layout = try #require(ThemeFiles.builtIn.templates["layout"])
        let found = await errors(["layout.mustache": layout.replacing("</title>", with: "{{#article}} – {{article.category.title}}{{/article}}</title>")])
        #expect(found.isEmpty)
    }

    @Test func aListIsOpenedBeforeItsEntriesNamesAreUsed() async throws {
        let template = try article(replacing: "<h1>{{article.title}}</h1>", with: "<h1>{{article.tags.name}}</h1>")
        let found = await errors(["article.mustache": template])
        #expect(found.count == 1)
        #expect(found.first?.hint.hasPrefix("`article.tags` is a list: open it with `{{#article.tags}}") == true)
    }

    @Test func misspeltParentNamesNoTemplate() async throws {
        let found = await errors(["tags.mustache": "{{<layuot}}\n{{$main}}<p>x</p>{{/main}}\n{{/layuot}}\n"])
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "templates/tags.mustache", line: 1, column: 1))
        #expect(found.first?.message == "`{{<layuot}}` names no template: there is no `templates/layuot.mustache`")
        #expect(found.first?.hint.hasPrefix("did you mean `layout`?") == true)
    }

    @Test func parentOpenedAndClosedWithDifferentNames() async throws {
        let found = await errors(["tags.mustache": "{{<layuot}}\n{{$main}}<p>x</p>{{/main}}\n{{/layout}}\n"])
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "templates/tags.mustache", line: 3, column: 1))
        #expect(found.first?.message == "`{{/layout}}` does not close `{{<layuot}}` (opened at line 1)")
        #expect(found.first?.hint.hasPrefix("did you mean `{{<layout}}`?") == true)
    }

    @Test func misspeltBlockIsNeverShown() async throws {
        let found = await errors(["tags.mustache": "{{<layout}}\n{{$mian}}<p>x</p>{{/mian}}\n{{/layout}}\n"])
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "templates/tags.mustache", line: 2, column: 1))
        #expect(found.first?.message == "`{{<layout}}` has no block `mian`: this content is never shown")
        #expect(found.first?.hint.hasPrefix("did you mean `{{$main}}`?") == true)
    }

    @Test func unclosedSectionIsReportedWhereItOpens() async throws {
        let found = await errors(["tags.mustache": "{{<layout}}\n{{$main}}\n<ul>\n    {{#tags}}\n<li>{{name}}</li>\n</ul>\n{{/main}}\n{{/layout}}\n"])
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "templates/tags.mustache", line: 7, column: 1))
        #expect(found.first?.message == "`{{/main}}` does not close `{{#tags}}` (opened at line 4)")
        let atEnd = await errors(["tags.mustache": "<ul>\n  {{#tags}}\n<li>{{name}}</li>\n"])
        #expect(atEnd.count == 1)
        #expect(atEnd.first?.location == SourceLocation(file: "templates/tags.mustache", line: 2, column: 3))
        #expect(atEnd.first?.message == "section `{{#tags}}` opened here is never closed")
        #expect(atEnd.first?.hint == "add `{{/tags}}` where it ends")
    }

    @Test func strayClosingTag() async throws {
        let found = await errors(["tags.mustache": "<ul>\n{{#tags}}<li>{{name}}</li>{{/tags}}{{/tags}}\n</ul>\n"])
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "templates/tags.mustache", line: 2, column: 36))
        #expect(found.first?.message == "`{{/tags}}` closes nothing: no section is open here")
    }

    @Test func unfinishedTagSaysSo() async throws {
        let found = await errors(["tags.mustache": "<ul>\n{{#tags}}<li>{{name}</li>{{/tags}}\n</ul>\n"])
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "templates/tags.mustache", line: 2, column: 14))
        #expect(found.first?.message.hasPrefix("the tag `{{name}</li>{{/tags}}` is not finished") == true)
    }

    @Test func errorsOnlySwiftMustacheFindsAreStillInWords() async throws {
        let found = await errors(["tags.mustache": "<ul>\n{{%FORMAT:HTML}}\n</ul>\n"])
        #expect(found.count == 1)
        #expect(found.first?.location.file == "templates/tags.mustache")
        #expect(found.first?.location.line == 2)
        #expect(found.first?.message == "this pragma is unknown")
    }

    /// The built-in theme is not checked again when a site uses it as it is: these two prove it needs no check.
    @Test func builtInThemeNestsWithinTheLimits() {
        let log = DiagnosticLog()
        #expect(TemplateNesting.check(.builtIn, log: log), "\(log.items)")
    }

    @Test func builtInThemePassesTheCheck() {
        let log = DiagnosticLog()
        #expect(TemplateVariableCheck.check(.builtIn, log: log))
        #expect(log.items.isEmpty, "\(log.items)")
    }

    @Test func everyRenderedTemplateHasASchemaOrIsALayout() {
        for name in Theme.requiredTemplates {
            #expect(TemplateSchema.pages[name] != nil || TemplateSchema.layouts.contains(name), "\(name)")
        }
        #expect(Set(TemplateSchema.pages.keys).union(TemplateSchema.layouts) == Set(Theme.requiredTemplates))
    }

    @Test func delimiterChangesAreFollowed() throws {
        let tags = try TemplateScanner.tags("a {{=<% %>=}}\n<%#list%><%titel%><%/list%>")
        #expect(tags.map(\.name) == ["<% %>=", "list", "titel", "list"])
        #expect(tags[2].line == 2 && tags[2].column == 10)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let tags = try TemplateScanner.tags("<p>\n見出し：{{titel}}</p>")
        #expect(tags.map(\.column) == [5])
        #expect(tags.map(\.line) == [2])
    }
}
