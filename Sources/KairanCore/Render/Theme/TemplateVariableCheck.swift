/// Checks, when the theme loads, that every name a template looks up is one `TemplateSchema` says
/// it receives, that every partial and parent it names exists and that every block it overrides is
/// one its parent has: a misspelt `{{article.titel}}` would otherwise print nothing on every page.
///
/// Each page template is walked from its root with a context stack like Mustache's: a section on
/// a mapping pushes it, on a list its entry's shape, on a flag nothing; inverted sections push
/// nothing; a dotted name resolves its first part up the stack and the rest strictly down.
/// Partials are walked with the stack where they are included, parents with the child's blocks in
/// place of theirs. A tag counts as right when its name resolves on at least one page that reaches
/// it; each wrong tag is one error at its own file's `line:column`.
struct TemplateVariableCheck {
    private let files: ThemeFiles
    private let trees: [String: [TemplateNode]]
    private var places: [Place.Key: Place] = [:]
    /// Block names reached while walking (to find overrides of blocks no parent has).
    private var blocksSeen: Set<String> = []

    /// Checks the page templates of `files` that `TemplateSchema` describes; logs every mistake.
    /// - Returns: whether there was none.
    static func check(_ files: ThemeFiles, log: DiagnosticLog) -> Bool {
        var trees: [String: [TemplateNode]] = [:]
        for (name, source) in files.templates {
            // A template Kairan's scan cannot read (swift-mustache parsed it) is left unchecked.
            if let nodes = try? TemplateTree.parse(source) { trees[name] = nodes }
        }
        var check = TemplateVariableCheck(files: files, trees: trees)
        for name in TemplateSchema.pages.keys.sorted() {
            guard let nodes = trees[name], case .map(let keys)? = TemplateSchema.pages[name] else { continue }
            check.walk(nodes, in: name, page: name, stack: [.map(keys)], overrides: [:], including: [name])
        }
        let problems = check.places.values.filter { !$0.isResolved }.sorted { $0.location < $1.location }
        for place in problems { log.error(place.location, place.message, hint: place.hint) }
        return problems.isEmpty
    }

    // MARK: - The walk

    /// A level of the context stack.
    private enum Frame {
        /// A mapping with these names.
        case map([String: TemplateShape])
        /// A value without names (text, a number, an entry of a list of texts).
        case opaque
        /// Under a section whose name is already wrong: anything goes (one mistake, one error).
        case anything
    }

    /// What a looked-up name turned out to be.
    private enum Resolution: Equatable {
        /// Not a name the page receives there (noted as a mistake).
        case unknown
        /// Fine, but of no known shape: `.`, or under a section whose name is wrong.
        case unshaped
        case shape(TemplateShape)
    }

    /// A block's content from the template that overrides it.
    private struct Override {
        var nodes: [TemplateNode]
        var template: String
    }

    private mutating func walk(_ nodes: [TemplateNode], in template: String, page: String, stack: [Frame],
                               overrides: [String: Override], including: [String]) {
        for node in nodes {
            switch node {
            case .variable(let tag):
                _ = resolve(tag, in: template, page: page, stack: stack)
            case .section(let tag, let body):
                var inner = stack
                switch resolve(tag, in: template, page: page, stack: stack) {
                case .unknown: inner.append(.anything)
                case .unshaped: break
                case .shape(let shape):
                    if let frame = shape.sectionFrame { inner.append(frame.keys.map(Frame.map) ?? .opaque) }
                }
                walk(body, in: template, page: page, stack: inner, overrides: overrides, including: including)
            case .inverted(let tag, let body):
                let resolved = resolve(tag, in: template, page: page, stack: stack)
                walk(body, in: template, page: page, stack: resolved == .unknown ? stack + [.anything] : stack,
                     overrides: overrides, including: including)
            case .partial(let tag):
                guard let target = included(tag, in: template, page: page), !including.contains(target.name) else { continue }
                walk(target.nodes, in: tag.name, page: page, stack: stack, overrides: overrides, including: including + [tag.name])
            case .parent(let tag, let blocks):
                var own: [String: Override] = [:]
                for case .block(let block, let body) in blocks { own[block.name] = Override(nodes: body, template: template) }
                guard let target = included(tag, in: template, page: page), !including.contains(target.name) else { continue }
                let before = blocksSeen
                blocksSeen = []
                // As Mustache: the outermost child's block wins.
                walk(target.nodes, in: tag.name, page: page, stack: stack, overrides: overrides.merging(own) { outer, _ in outer },
                     including: including + [tag.name])
                let seen = blocksSeen
                for case .block(let block, _) in blocks {
                    note(block, in: template, page: page, isResolved: seen.contains(block.name), candidates: seen) { names in
                        let suggestion = YAMLFields.closest(to: block.name, in: names.sorted()).map { "did you mean `{{$\($0)}}`? " } ?? ""
                        return ("`\(tag.text)` has no block `\(block.name)`: this content is never shown",
                                suggestion + (names.isEmpty ? "it has no blocks" : "its blocks are: " + TemplateVariableCheck.list(names)))
                    }
                }
                blocksSeen.formUnion(before)
            case .block(let tag, let content):
                blocksSeen.insert(tag.name)
                if let override = overrides[tag.name] {
                    walk(override.nodes, in: override.template, page: page, stack: stack, overrides: overrides, including: including)
                } else {
                    walk(content, in: template, page: page, stack: stack, overrides: overrides, including: including)
                }
            }
        }
    }

    /// The template a partial or parent tag names, or nil (noted as a mistake when there is none).
    private mutating func included(_ tag: TemplateTag, in template: String, page: String) -> (name: String, nodes: [TemplateNode])? {
        if tag.name.hasPrefix("*") { return nil }  // a dynamic partial: its name is a value
        let exists = files.templates[tag.name] != nil
        note(tag, in: template, page: page, isResolved: exists, candidates: exists ? [] : Set(files.templates.keys)) { names in
            let suggestion = YAMLFields.closest(to: tag.name, in: names.sorted()).map { "did you mean `\($0)`? " } ?? ""
            return ("`\(tag.text)` names no template: there is no `templates/\(tag.name).mustache`",
                    suggestion + "a template's name is its path under templates/ without `.mustache`")
        }
        guard exists, let nodes = trees[tag.name] else { return nil }
        return (tag.name, nodes)
    }

    /// What `tag`'s name resolves to on `stack`; notes the place, right or wrong, for the report.
    private mutating func resolve(_ tag: TemplateTag, in template: String, page: String, stack: [Frame]) -> Resolution {
        let name = tag.lookupName
        if name == "." || name.isEmpty { return .unshaped }
        let topOnly = name.hasPrefix(".")
        let parts = name.split(separator: ".", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { return .unshaped }
        var failure: Failure?
        var shape: TemplateShape?
        let searched = topOnly ? Array(stack.suffix(1)) : stack.reversed()
        search: for frame in searched {
            switch frame {
            case .anything: return .unshaped
            case .opaque: continue
            case .map(let keys):
                if let found = keys[first] {
                    shape = found
                    break search
                }
            }
        }
        if var current = shape {
            for (depth, part) in parts.enumerated().dropFirst() {
                var prefix: String { parts[..<depth].joined(separator: ".") }
                if let keys = current.keys {
                    guard let next = keys[part] else {
                        failure = Failure(depth: depth, prefix: prefix, part: part, names: keys.keys.sorted(), problem: .unknown)
                        break
                    }
                    current = next
                } else {
                    let isList: Bool
                    if case .list = current.present { isList = true } else { isList = false }
                    failure = Failure(depth: depth, prefix: prefix, part: part, names: [], problem: isList ? .list : .noNames)
                    break
                }
            }
            shape = failure == nil ? current : nil
        } else {
            // Innermost frame first, so that of equally close names the nearest is suggested.
            var names: [String] = []
            for case .map(let keys) in searched { names += keys.keys.sorted().filter { !names.contains($0) } }
            failure = Failure(depth: 0, prefix: "", part: first, names: names, problem: .unknown,
                              sections: TemplateSchema.pages[page]?.sections(declaring: first) ?? [])
        }
        let key = Place.Key(template: template, line: tag.line, column: tag.column)
        var place = places[key] ?? Place(tag: tag, template: template, file: files.origins[template] ?? "templates/\(template).mustache")
        place.pages.insert(page)
        if let failure { place.add(failure) } else { place.isResolved = true }
        places[key] = place
        return shape.map(Resolution.shape) ?? .unknown
    }

    /// Notes a partial, parent or block tag, right or wrong, for the report.
    private mutating func note(_ tag: TemplateTag, in template: String, page: String, isResolved: Bool,
                               candidates: Set<String>, words: @escaping (Set<String>) -> (String, String)) {
        let key = Place.Key(template: template, line: tag.line, column: tag.column)
        var place = places[key] ?? Place(tag: tag, template: template, file: files.origins[template] ?? "templates/\(template).mustache")
        place.pages.insert(page)
        if isResolved { place.isResolved = true } else {
            place.names.formUnion(candidates)
            place.words = words
        }
        places[key] = place
    }

    /// `` `a`, `b`, `c` `` for a hint.
    static func list(_ names: Set<String>) -> String {
        names.sorted().map { "`\($0)`" }.joined(separator: ", ")
    }

    // MARK: - What is reported

    /// Why a name did not resolve on one page: the part that is not there and the names that are.
    private struct Failure {
        enum Problem { case unknown, list, noNames }
        var depth: Int
        var prefix: String
        var part: String
        var names: [String]
        var problem: Problem
        /// For a name unknown here: the sections under which the page has it.
        var sections: [[String]] = []
    }

    /// One tag of one template file, with what was found on every page that reaches it.
    private struct Place {
        struct Key: Hashable {
            var template: String
            var line: Int
            var column: Int
        }

        let tag: TemplateTag
        let template: String
        let file: String
        var pages: Set<String> = []
        var isResolved = false
        /// The deepest failure seen (the most informative), with the names seen at that depth.
        var failure: Failure?
        var names: Set<String> = []
        /// For partial, parent and block tags: the message and hint, given the candidate names.
        var words: ((Set<String>) -> (String, String))?

        init(tag: TemplateTag, template: String, file: String) {
            self.tag = tag
            self.template = template
            self.file = file
        }

        var location: SourceLocation { SourceLocation(file: file, line: tag.line, column: tag.column) }

        mutating func add(_ new: Failure) {
            if let old = failure, old.depth > new.depth { return }
            if let old = failure, old.depth == new.depth, old.prefix == new.prefix {
                failure?.names += new.names.filter { !old.names.contains($0) }
            } else {
                failure = new
            }
        }

        var message: String { text.0 }
        var hint: String { text.1 }

        private var text: (String, String) {
            if let words { return words(names) }
            guard let failure else { return ("", "") }
            let name = tag.lookupName
            let receiver = pages == [template]
                ? "the `\(template)` template receives"
                : "`\(template)` receives on the pages that use it (\(pages.sorted().map { "`\($0)`" }.joined(separator: ", ")))"
            let message = "`\(name)` is not a value \(receiver)"
            let qualified = { (part: String) in failure.prefix.isEmpty ? part : failure.prefix + "." + part }
            switch failure.problem {
            case .list:
                return (message, "`\(failure.prefix)` is a list: open it with `{{#\(failure.prefix)}}…{{/\(failure.prefix)}}` and use its entries' names inside")
            case .noNames:
                return (message, "`\(failure.prefix)` is a single value: it has no names inside")
            case .unknown:
                let dotted = name.hasPrefix(".") ? "." : ""
                if !failure.sections.isEmpty {
                    let places = failure.sections.prefix(3).map { chain in
                        "`" + chain.map { "{{#\($0)}}" }.joined(separator: "…") + "…" + chain.reversed().map { "{{/\($0)}}" }.joined(separator: "…") + "`"
                    }
                    return (message, "`\(failure.part)` is known only inside " + places.joined(separator: " or "))
                }
                if let best = YAMLFields.closest(to: failure.part, in: failure.names) {
                    return (message, "did you mean `\(dotted)\(qualified(best))`?")
                }
                let owner = failure.prefix.isEmpty ? "the names here are" : "`\(failure.prefix)` has"
                return (message, failure.names.isEmpty ? "there are no names here" : "\(owner): \(TemplateVariableCheck.list(Set(failure.names)))")
            }
        }
    }
}
