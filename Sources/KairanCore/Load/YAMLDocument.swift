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
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                log.error(SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                          "YAML syntax: \(problem)",
                          hint: "check indentation, and quote values that contain `: `, `#` or start with `[`, `{`, `*`, `&`")
            default:
                log.error(SourceLocation(file: file, line: lineOffset + 1), "YAML: \(error)")
            }
        } catch {
            log.error(SourceLocation(file: file, line: lineOffset + 1), "YAML: \(error)")
        }
        return nil
    }
}
