/// The keys and values of a template mapping. Template mappings are small (a dozen keys), and
/// their keys short: a linear search comparing keys is faster than hashing them for every lookup.
/// Keys and values are kept side by side in one array (a page's context makes hundreds of these).
public struct TemplateMap: Sendable, Equatable {
    private var entries: [(key: String, value: TemplateValue)]

    public init() {
        entries = []
    }

    /// A mapping of `pairs`; for a repeated key the first value counts.
    public init(_ pairs: [(String, TemplateValue)]) {
        entries = []
        entries.reserveCapacity(pairs.count)
        for (key, value) in pairs where !entries.contains(where: { $0.key == key }) {
            entries.append((key, value))
        }
    }

    public var count: Int { entries.count }

    /// The keys, in the order they were added.
    var keys: [String] { entries.map(\.key) }

    /// Calls `body` with each key and value, in order, with their place.
    func forEach(_ body: (Int, String, TemplateValue) -> Void) {
        for index in entries.indices { body(index, entries[index].key, entries[index].value) }
    }

    public subscript(key: String) -> TemplateValue? {
        get {
            for index in entries.indices where entries[index].key == key { return entries[index].value }
            return nil
        }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Equal when both hold the same keys with equal values, in any order.
    public static func == (lhs: TemplateMap, rhs: TemplateMap) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }
}
