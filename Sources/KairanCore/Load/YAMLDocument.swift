import Yams

/// Parses YAML text into a node tree, reporting syntax errors at their place in the file.
public enum YAMLDocument {
    /// Parses `yaml`, which starts after `lineOffset` lines of `file`. Returns nil after logging an error.
    /// Anchors and aliases are refused before composing (see ``YAMLAnchors``).
    public static func parse(_ yaml: String, file: String, lineOffset: Int, log: DiagnosticLog) -> Node? {
        if let found = YAMLAnchors.first(in: yaml) {
            log.error(SourceLocation(file: file, line: found.line + lineOffset, column: found.column),
                      "YAML \(found.text.hasPrefix("&") ? "anchor" : "alias") `\(found.text)` is not allowed",
                      hint: "Kairan's YAML does not use anchors (&) or aliases (*); write the value out")
            return nil
        }
        do {
            // Encoding given explicitly: `.default` reads the whole process environment on every call.
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            // Yams' descriptions quote the whole text; each problem is reported on one line at its place instead.
            let at = { (line: Int, column: Int) in SourceLocation(file: file, line: line + lineOffset, column: column) }
            switch error {
            case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                log.error(at(mark.line, mark.column), "YAML syntax: \(problem)\(context.map { " (\($0.text))" } ?? "")",
                          hint: "check indentation, and quote values that contain `: `, `#` or start with `[`, `{`, `*`, `&`")
            case .duplicatedKeysInMapping(let keys, let context):
                let duplicates = keys.first.map { YAMLDuplicateKeys.find(in: yaml, key: $0, at: context.mark) } ?? []
                for duplicate in duplicates {
                    log.error(at(duplicate.line, duplicate.column), "duplicate key `\(duplicate.key)`",
                              hint: "this key is already set at line \(duplicate.firstLine + lineOffset); keep one of the two")
                }
                if duplicates.isEmpty {
                    log.error(at(context.mark.line, context.mark.column),
                              "duplicate key \(keys.map { "`\($0)`" }.joined(separator: ", ")) in one mapping",
                              hint: "each key may be set once in a mapping; keep one of the lines")
                }
            case .reader(let problem, _, _, _):
                log.error(SourceLocation(file: file, line: lineOffset + 1), "YAML: \(problem)")
            default:
                log.error(SourceLocation(file: file, line: lineOffset + 1), "YAML: \(error)")
            }
        } catch {
            log.error(SourceLocation(file: file, line: lineOffset + 1), "YAML: \(error)")
        }
        return nil
    }
}
