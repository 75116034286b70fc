/// A template's tags nested as Mustache nests them, each with its position: what the theme check
/// walks, and what says where an unclosed or mismatched section was opened.
indirect enum TemplateNode: Sendable, Equatable {
    /// `{{name}}`, `{{{name}}}`, `{{&name}}`.
    case variable(TemplateTag)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateTag, [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case inverted(TemplateTag, [TemplateNode])
    /// `{{> name}}`.
    case partial(TemplateTag)
    /// `{{<name}}…{{/name}}`; the nodes are the blocks it overrides.
    case parent(TemplateTag, [TemplateNode])
    /// `{{$name}}…{{/name}}`: a block's default content, or (inside a parent) its override.
    case block(TemplateTag, [TemplateNode])
}

/// Builds `TemplateNode`s from a template's source.
enum TemplateTree {
    /// The nodes of `source`.
    /// - Parameter templates: the theme's template names, for "did you mean" on a misspelled parent.
    /// - Throws: `TemplateSyntaxError` at the first mistake, saying where its section was opened.
    static func parse(_ source: String, templates: [String] = []) throws -> [TemplateNode] {
        var open: [(tag: TemplateTag, nodes: [TemplateNode])] = [(TemplateTag(kind: .section, name: "", text: "", line: 0, column: 0), [])]
        for tag in try TemplateScanner.tags(source) {
            if let parent = open.last?.tag, open.count > 1, parent.kind == .parent, ![.block, .close, .comment, .delimiters].contains(tag.kind) {
                throw TemplateSyntaxError(
                    line: tag.line, column: tag.column,
                    message: "`\(tag.text)` inside `\(parent.text)` (opened at line \(parent.line)) is never rendered: only blocks `{{$name}}…{{/name}}` may stand there",
                    hint: "move it into a block, such as `{{$main}}`")
            }
            switch tag.kind {
            case .variable, .unescaped: open[open.count - 1].nodes.append(.variable(tag))
            case .partial: open[open.count - 1].nodes.append(.partial(tag))
            case .section, .inverted, .parent, .block: open.append((tag, []))
            case .comment, .delimiters, .pragma: break
            case .close:
                guard open.count > 1, let (opener, nodes) = open.last else {
                    throw TemplateSyntaxError(line: tag.line, column: tag.column, message: "`\(tag.text)` closes nothing: no section is open here",
                                              hint: "remove it, or open the section with `{{#\(tag.name)}}` where it starts")
                }
                guard tag.name == opener.name else {
                    throw TemplateSyntaxError(line: tag.line, column: tag.column,
                                              message: "`\(tag.text)` does not close `\(opener.text)` (opened at line \(opener.line))",
                                              hint: mismatchHint(opener, tag, templates: templates))
                }
                open.removeLast()
                let node: TemplateNode
                switch opener.kind {
                case .inverted: node = .inverted(opener, nodes)
                case .parent: node = .parent(opener, nodes)
                case .block: node = .block(opener, nodes)
                default: node = .section(opener, nodes)
                }
                open[open.count - 1].nodes.append(node)
            }
        }
        if open.count > 1, let unclosed = open.last?.tag {
            throw TemplateSyntaxError(line: unclosed.line, column: unclosed.column,
                                      message: "\(what(unclosed)) `\(unclosed.text)` opened here is never closed",
                                      hint: "add `\(unclosed.closing)` where it ends")
        }
        return open[0].nodes
    }

    private static func what(_ tag: TemplateTag) -> String {
        switch tag.kind {
        case .parent: return "parent"
        case .block: return "block"
        case .inverted: return "inverted section"
        default: return "section"
        }
    }

    private static func mismatchHint(_ opener: TemplateTag, _ close: TemplateTag, templates: [String]) -> String {
        if opener.kind == .parent, !templates.isEmpty, !templates.contains(opener.name) {
            let suggestion = YAMLFields.closest(to: opener.name, in: templates).map { "did you mean `{{<\($0)}}`? " } ?? ""
            return "\(suggestion)there is no template `\(opener.name)`; open and close the parent with the same name"
        }
        return "close it with `\(opener.closing)`, or correct the name where it is opened so the two match"
    }
}
