import Mustache

/// A value handed to a template: text, number, flag, list or mapping. `Sendable`, so page
/// contexts can be built once and shared by the tasks that render pages in parallel.
///
/// Text is escaped by `{{name}}`; `.html` marks HTML that Kairan produced itself (rendered
/// Markdown), which themes print with `{{{name}}}`.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case html(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case map(TemplateMap)

    /// An empty mapping.
    public static let empty = TemplateValue.map(TemplateMap())

    /// The value for `key` in a mapping.
    public subscript(key: String) -> TemplateValue? {
        get { if case .map(let values) = self { return values[key] } else { return nil } }
        set {
            guard case .map(var values) = self else { return }
            values[key] = newValue
            self = .map(values)
        }
    }

    /// What swift-mustache sees: native strings, numbers, flags and arrays, so sections,
    /// inverted sections and lists behave as Mustache specifies.
    var mustacheValue: Any? {
        switch self {
        case .text(let text), .html(let text): return text.isEmpty ? nil : RenderedText(text: text)
        case .number(let number): return RenderedText(text: String(number))
        case .flag(let flag): return flag
        case .list(let items):
            if items.isEmpty { return nil }
            // Maps stay as they are (they answer lookups); plain values are unwrapped so `{{.}}` prints them.
            if case .map = items[0] { return items }
            return items.map { $0.mustacheValue ?? "" }
        case .map: return self
        }
    }
}

extension TemplateValue: MustacheParent {
    public func child(named name: String) -> Any? {
        guard case .map(let values) = self else { return nil }
        return values[name]?.mustacheValue
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .flag(value) }
    public init(integerLiteral value: Int) { self = .number(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(TemplateMap(elements))
    }
}

/// Text as swift-mustache's fast path sees it: `MustacheCustomRenderable` is tested before the
/// generic `String(describing:)` route, which costs several dynamic casts per variable.
///
/// It is also a `MustacheParent` with no children: inside `{{#text}}…{{/text}}` lookups then walk
/// down the context stack without swift-mustache falling back to `Mirror` reflection.
struct RenderedText: MustacheCustomRenderable, MustacheParent {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
    func child(named: String) -> Any? { nil }
}
