/// The keys and values of a template mapping. Template mappings are small (a dozen keys), and
/// their keys short: a linear search comparing keys is faster than hashing them for every lookup.
public struct TemplateMap: Sendable, Equatable {
    /// The keys, in the order they were added.
    private(set) var keys: [String]
    private var values: [TemplateValue]

    public init() {
        keys = []
        values = []
    }

    /// A mapping of `pairs`; for a repeated key the first value counts.
    public init(_ pairs: [(String, TemplateValue)]) {
        self.init()
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (key, value) in pairs where !keys.contains(key) {
            keys.append(key)
            values.append(value)
        }
    }

    public var count: Int { keys.count }

    /// Calls `body` with each key and value, in order, with their place.
    func forEach(_ body: (Int, String, TemplateValue) -> Void) {
        for index in keys.indices { body(index, keys[index], values[index]) }
    }

    public subscript(key: String) -> TemplateValue? {
        get {
            for index in keys.indices where keys[index] == key { return values[index] }
            return nil
        }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue { values[index] = newValue } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Equal when both hold the same keys with equal values, in any order.
    public static func == (lhs: TemplateMap, rhs: TemplateMap) -> Bool {
        lhs.count == rhs.count && lhs.keys.indices.allSatisfy { rhs[lhs.keys[$0]] == lhs.values[$0] }
    }
}
