import Yams

/// A YAML value as Kairan reads it: text, list or mapping, with its position when known.
/// Built from Yams' node tree, or directly by `SimpleYAML` for flat front matter.
public struct YAMLValue: Sendable {
    /// What the value is.
    public enum Content: Sendable {
        /// Text; `plain` when it was written without quotes (then `~`, `null` and empty mean nothing).
        case scalar(String, plain: Bool)
        case list([YAMLValue])
        case map([(key: YAMLValue, value: YAMLValue)])
    }

    public var content: Content
    /// 1-based line and column inside the YAML text, when known.
    public var line: Int?
    public var column: Int?

    public init(_ content: Content, line: Int? = nil, column: Int? = nil) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The value of a Yams node (aliases are resolved by Yams when composing).
    public init(_ node: Node) {
        let mark = node.mark
        switch node {
        case .scalar(let scalar):
            self.init(.scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any), line: mark?.line, column: mark?.column)
        case .sequence(let sequence):
            self.init(.list(sequence.map(YAMLValue.init)), line: mark?.line, column: mark?.column)
        case .mapping(let mapping):
            self.init(.map(mapping.map { (key: YAMLValue($0.key), value: YAMLValue($0.value)) }), line: mark?.line, column: mark?.column)
        case .alias:
            self.init(.scalar("", plain: true), line: mark?.line, column: mark?.column)
        }
    }

    /// The text of a scalar.
    public var text: String? {
        if case .scalar(let text, _) = content { return text }
        return nil
    }
}
