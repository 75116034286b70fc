import Mustache

/// A mistake in a template's Mustache syntax, in plain words, at the tag it concerns
/// (line and column in the template's own text).
struct TemplateSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
    var hint: String

    /// Where in `file` the mistake is.
    func location(in file: String) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// swift-mustache's parse error of `source` in plain words: Kairan's own scan of the source says
    /// which tag is wrong and where the section it concerns was opened; when that scan finds nothing,
    /// swift-mustache's reason is put in words at swift-mustache's position.
    /// - Parameters:
    ///   - prefixLength: characters Kairan prepended to the first line before swift-mustache parsed it.
    ///   - templates: the theme's template names, for "did you mean" on a misspelled partial or parent.
    static func describing(_ error: MustacheTemplate.ParserError, source: String, prefixLength: Int,
                           templates: [String]) -> TemplateSyntaxError {
        do {
            _ = try TemplateTree.parse(source, templates: templates)
        } catch let located as TemplateSyntaxError {
            return located
        } catch {}
        let line = error.context.lineNumber
        let column = line == 1 ? max(1, error.context.columnNumber - prefixLength) : error.context.columnNumber
        let (message, hint) = words(for: error.error)
        return TemplateSyntaxError(line: line, column: column, message: message, hint: hint)
    }

    /// swift-mustache's `MustacheTemplate.Error` cases as sentences.
    static func words(for error: any Error) -> (message: String, hint: String) {
        guard let reason = error as? MustacheTemplate.Error else { return ("template syntax: \(error)", "") }
        switch reason {
        case .sectionCloseNameIncorrect:
            return ("this closing tag does not match the section it closes",
                    "a section `{{#name}}` ends with `{{/name}}`, the same name")
        case .unfinishedName:
            return ("this tag is not finished",
                    "a tag is `{{name}}`: one name of letters, digits, `.`, `-` or `_`, then `}}` (`{{{name}}}` for HTML)")
        case .expectedSectionEnd:
            return ("a section is never closed", "end every `{{#name}}`, `{{^name}}`, `{{<name}}` and `{{$name}}` with `{{/name}}`")
        case .invalidSetDelimiter:
            return ("this delimiter change is not of the form `{{=<% %>=}}`", "give the new opening and closing delimiters, separated by a space, between `=` and `=`")
        case .transformAppliedToInheritanceSection:
            return ("a block `{{$name}}` cannot apply a transform", "write the block's name alone: `{{$name}}`")
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return ("inside `{{<parent}}…{{/parent}}` only blocks `{{$name}}…{{/name}}` may stand",
                    "move the tag into a block, such as `{{$main}}`")
        case .invalidConfigVariableSyntax:
            return ("this pragma is not of the form `{{%NAME:value}}`", "remove it, or write e.g. `{{%CONTENT_TYPE:HTML}}`")
        case .unrecognisedConfigVariable:
            return ("this pragma is unknown", "the only pragma is `CONTENT_TYPE` with a registered content type; remove the tag")
        }
    }
}
