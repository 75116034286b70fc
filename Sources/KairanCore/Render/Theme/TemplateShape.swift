/// The declared shape of a value handed to a template: what `TemplateSchema` says a template
/// receives, checked against the theme when it loads (`TemplateVariableCheck`) and against the
/// values really passed (`undeclaredPaths`, run by the schema test).
public indirect enum TemplateShape: Sendable, Equatable {
    /// Text or a number, printed HTML-escaped by `{{name}}`.
    case value
    /// HTML that Kairan made itself (rendered Markdown, charts), printed with `{{{name}}}`.
    case html
    /// `true` or `false`: a section on it shows or hides its content.
    case flag
    /// A mapping with these keys; a section on it pushes it.
    case map([String: TemplateShape])
    /// A list whose entries have this shape; a section on it repeats with each entry pushed.
    case list(TemplateShape)
    /// This shape, or `false` (or nothing at all) when there is none: `newer`, `video`, `updated`.
    case orFalse(TemplateShape)

    /// A mapping of `keys` or `false`.
    static func mapOrFalse(_ keys: [String: TemplateShape]) -> TemplateShape { .orFalse(.map(keys)) }

    /// The shape without its `orFalse` wrapping.
    var present: TemplateShape {
        if case .orFalse(let shape) = self { return shape.present }
        return self
    }

    /// The keys of a mapping (through `orFalse`), or nil for other shapes.
    var keys: [String: TemplateShape]? {
        if case .map(let keys) = present { return keys }
        return nil
    }

    /// This mapping with `extra` keys added (`release` = release entry + its own keys).
    func adding(_ extra: [String: TemplateShape]) -> TemplateShape {
        guard let keys else { return self }
        return .map(keys.merging(extra) { _, new in new })
    }

    /// What a section on a value of this shape pushes on the context stack: a mapping pushes
    /// itself, a list its entry, a flag nothing (nil); text and numbers push a value without names.
    var sectionFrame: TemplateShape? {
        switch present {
        case .flag: return nil
        case .list(let entry): return entry.present
        case let shape: return shape
        }
    }

    /// The dotted paths in `value` that this shape does not declare, or declares as another kind
    /// (`article.titel`, `article.tags[].name: flag, declared as value`). Empty when `value` fits.
    public func undeclaredPaths(in value: TemplateValue, at path: String = "") -> [String] {
        switch (self, value) {
        case (_, .shared(let shared)): return undeclaredPaths(in: shared.value, at: path)
        case (.orFalse, .flag(false)): return []
        case (.orFalse(let shape), _): return shape.undeclaredPaths(in: value, at: path)
        case (.value, .text), (.value, .number), (.html, .html), (.html, .htmlBytes), (.flag, .flag): return []
        case (.list(let entry), .list(let items)):
            return Array(Set(items.flatMap { entry.undeclaredPaths(in: $0, at: path + "[]") })).sorted()
        case (.map(let keys), .map(let values)):
            var problems: [String] = []
            for key in values.keys {
                let child = path.isEmpty ? key : path + "." + key
                guard let shape = keys[key], let item = values[key] else {
                    problems.append(child)
                    continue
                }
                problems += shape.undeclaredPaths(in: item, at: child)
            }
            return problems.sorted()
        default:
            return ["\(path.isEmpty ? "(the context)" : path): \(value.kindName), declared as \(kindName)"]
        }
    }

    /// Every dotted path this shape declares (entries of lists as `[]`), for the schema test.
    public func declaredPaths(at path: String = "") -> [String] {
        switch self {
        case .value, .html, .flag: return [path]
        case .orFalse(let shape): return shape.declaredPaths(at: path)
        case .list(let entry): return [path] + entry.declaredPaths(at: path + "[]").filter { $0 != path + "[]" }
        case .map(let keys):
            let own = path.isEmpty ? [] : [path]
            return own + keys.keys.sorted().flatMap { keys[$0]!.declaredPaths(at: path.isEmpty ? $0 : path + "." + $0) }
        }
    }

    /// The sections to open, outermost first, under which `name` is a name of the stack's top:
    /// `name` in an article page → `[["article.tags"], ["site.support.channels"]]`. Shortest first.
    func sections(declaring name: String) -> [[String]] {
        var found: [[String]] = []
        func visit(_ shape: TemplateShape, chain: [String], dotted: String) {
            switch shape.present {
            case .map(let keys):
                if !dotted.isEmpty, keys[name] != nil { found.append(chain + [dotted]) }
                for key in keys.keys.sorted() { visit(keys[key]!, chain: chain, dotted: dotted.isEmpty ? key : dotted + "." + key) }
            case .list(let entry):
                if case .map(let keys) = entry.present, keys[name] != nil { found.append(chain + [dotted]) }
                if case .map(let keys) = entry.present {
                    for key in keys.keys.sorted() { visit(keys[key]!, chain: chain + [dotted], dotted: key) }
                }
            default:
                break
            }
        }
        visit(self, chain: [], dotted: "")
        return found.enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.map(\.element)
    }

    /// The kind in words, for messages.
    var kindName: String {
        switch self {
        case .value: return "value"
        case .html: return "HTML"
        case .flag: return "flag"
        case .map: return "map"
        case .list: return "list"
        case .orFalse(let shape): return "\(shape.kindName) or false"
        }
    }
}

extension TemplateValue {
    /// The kind in words, for messages.
    var kindName: String {
        switch self {
        case .text, .number: return "value"
        case .html, .htmlBytes: return "HTML"
        case .flag: return "flag"
        case .list: return "list"
        case .map: return "map"
        case .shared(let shared): return shared.value.kindName
        }
    }
}
