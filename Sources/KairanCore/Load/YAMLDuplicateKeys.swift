import Yams

/// Where the repeated keys of a YAML text are. Yams refuses a mapping with a repeated key but
/// names only the first occurrence (and the whole text as context); this finds every later
/// occurrence by hiding the first one and composing again, on the error path only.
enum YAMLDuplicateKeys {
    /// One key written again in the same mapping.
    struct Duplicate: Equatable {
        var key: String
        /// 1-based line and column (in scalars) of the repeated key and of the first one.
        var line: Int
        var column: Int
        var firstLine: Int
    }

    /// How many keys are hidden before giving up (a file with more repeats gets the first ones).
    private static let limit = 20

    /// The repeated keys of `yaml`, given the first occurrence Yams reported (`key` at `mark`).
    static func find(in yaml: String, key: String, at mark: Mark) -> [Duplicate] {
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var hidden: [(key: String, line: Int, column: Int)] = []
        var next: (key: String, mark: Mark)? = (key, mark)
        var root: Node?
        while let (key, mark) = next, hidden.count < limit, hide(&lines, line: mark.line, column: mark.column, number: hidden.count) {
            hidden.append((key, mark.line, mark.column))
            next = nil
            let text = lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
            do {
                root = try Yams.compose(yaml: text, .basic, .default, .utf8)
            } catch YamlError.duplicatedKeysInMapping(let keys, let context) {
                next = keys.first.map { ($0, context.mark) }
            } catch {
                return []
            }
        }
        guard let root else { return [] }
        var found: [Duplicate] = []
        collect(root, hidden: hidden, into: &found)
        return found.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Replaces the first character of the key at `line`:`column` (after a quote) with a private-use
    /// character, a different one for each key hidden (`number`), so hidden keys repeat neither others nor each other.
    private static func hide(_ lines: inout [[Unicode.Scalar]], line: Int, column: Int, number: Int) -> Bool {
        guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count else { return false }
        var index = column - 1
        if lines[line - 1][index] == "\"" || lines[line - 1][index] == "'" { index += 1 }
        guard index < lines[line - 1].count else { return false }
        guard let placeholder = Unicode.Scalar(0xF0000 + UInt32(number)) else { return false }
        lines[line - 1][index] = placeholder
        return true
    }

    /// In every mapping holding a hidden key: the keys of its group after the first, reported at their place.
    private static func collect(_ node: Node, hidden: [(key: String, line: Int, column: Int)], into found: inout [Duplicate]) {
        switch node {
        case .mapping(let mapping):
            var groups: [String: [Mark]] = [:]
            var order: [String] = []
            for (key, value) in mapping {
                collect(value, hidden: hidden, into: &found)
                guard let mark = key.mark else { continue }
                let original = hidden.first { $0.line == mark.line && $0.column == mark.column }?.key ?? key.string
                guard let original else { continue }
                if groups[original] == nil { order.append(original) }
                groups[original, default: []].append(mark)
            }
            for key in order {
                guard let marks = groups[key], marks.count > 1,
                      marks.contains(where: { mark in hidden.contains { $0.line == mark.line && $0.column == mark.column } }) else { continue }
                let sorted = marks.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
                for mark in sorted.dropFirst() {
                    found.append(Duplicate(key: key, line: mark.line, column: mark.column, firstLine: sorted[0].line))
                }
            }
        case .sequence(let sequence):
            for item in sequence { collect(item, hidden: hidden, into: &found) }
        case .scalar, .alias:
            break
        }
    }
}
