import Mustache

/// A value handed to a template: text, number, flag, list or mapping. `Sendable`, so page
/// contexts can be built once and shared by the tasks that render pages in parallel.
///
/// Text is escaped by `{{name}}`; `.html` marks HTML that Kairan produced itself (rendered
/// Markdown), which themes print with `{{{name}}}`.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case html(String)
    /// `.html` as UTF-8 bytes (rendered Markdown bodies: thousands of pages, never turned into
    /// strings); the same value in every respect.
    case htmlBytes([UInt8])
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case map(TemplateMap)
    /// A value made once and shown on thousands of pages (the `site` value, an article's list
    /// entry): laid out flat once, and copied into each page's context as one block. It is the
    /// value it wraps in every other respect (lookups, equality, what templates see).
    case shared(SharedTemplateValue)

    /// An empty mapping.
    public static let empty = TemplateValue.map(TemplateMap())

    /// `value`, laid out once for the many pages that show it.
    public static func shared(_ value: TemplateValue) -> TemplateValue {
        if case .shared = value { return value }
        return .shared(SharedTemplateValue(value))
    }

    /// The value a shared value wraps; any other value itself.
    public var unshared: TemplateValue {
        if case .shared(let shared) = self { return shared.value }
        return self
    }

    /// The value for `key` in a mapping.
    public subscript(key: String) -> TemplateValue? {
        get {
            switch self {
            case .map(let values): return values[key]
            case .shared(let shared): return shared.value[key]
            default: return nil
            }
        }
        set {
            if case .shared(let shared) = self { self = shared.value }
            guard case .map(var values) = self else { return }
            values[key] = newValue
            self = .map(values)
        }
    }

    /// Equal when they hold the same values, whether shared or not.
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.shared(let a), .shared(let b)) where a === b: return true
        case (.shared(let a), _): return a.value == rhs
        case (_, .shared(let b)): return lhs == b.value
        case (.text(let a), .text(let b)), (.html(let a), .html(let b)): return a == b
        case (.htmlBytes(let a), .htmlBytes(let b)): return a == b
        case (.htmlBytes(let a), .html(let b)), (.html(let b), .htmlBytes(let a)): return a.elementsEqual(b.utf8)
        case (.number(let a), .number(let b)): return a == b
        case (.flag(let a), .flag(let b)): return a == b
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)): return a == b
        default: return false
        }
    }

    /// What swift-mustache sees: native strings, numbers, flags and arrays, so sections,
    /// inverted sections and lists behave as Mustache specifies.
    var mustacheValue: Any? {
        switch self {
        case .text(let text), .html(let text): return text.isEmpty ? nil : RenderedText(text: text)
        case .htmlBytes(let bytes): return bytes.isEmpty ? nil : RenderedText(text: String(decoding: bytes, as: UTF8.self))
        case .number(let number): return RenderedText(text: String(number))
        case .flag(let flag): return flag
        case .list(let items):
            if items.isEmpty { return nil }
            // Maps stay as they are (they answer lookups); plain values are unwrapped so `{{.}}` prints them.
            if case .map = items[0].unshared { return items }
            return items.map { $0.mustacheValue ?? "" }
        case .map: return self
        case .shared(let shared): return shared.value.mustacheValue
        }
    }
}

/// A template value laid out flat once (`FlatContext.Block`), for `TemplateValue.shared`.
public final class SharedTemplateValue: Sendable {
    public let value: TemplateValue
    let block: FlatContext.Block

    init(_ value: TemplateValue) {
        self.value = value
        block = FlatContext.Block(value)
    }
}

extension TemplateValue: MustacheParent {
    public func child(named name: String) -> Any? {
        guard case .map(let values) = unshared else { return nil }
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
