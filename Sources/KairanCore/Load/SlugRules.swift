/// What a slug or a category folder name may be: it becomes a folder in the output.
public enum SlugRules {
    /// How to fix a bad slug.
    public static let hint = "use letters, digits, `-` and `_` (e.g. `csv-export`); no `/`, spaces, or a leading `.`"

    /// Why `slug` cannot be used, or nil when it can.
    public static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "is empty" }
        if slug.hasPrefix(".") { return "starts with `.`" }
        for scalar in slug.unicodeScalars {
            switch scalar {
            case "/", "\\": return "contains `\(scalar)`"
            case "-", "_": continue
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { continue }
                return "contains \"\(scalar)\""
            }
        }
        return nil
    }
}
