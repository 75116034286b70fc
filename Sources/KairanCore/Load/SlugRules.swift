/// What a slug or a category folder name may be: it becomes a folder in the output.
public enum SlugRules {
    /// How to fix a slug with characters it may not hold.
    public static let hint = "use letters, digits, `-` and `_` (e.g. `csv-export`); no `/`, spaces, or a leading `.`"
    /// The longest name a file system takes for one folder, in UTF-8 bytes.
    public static let maxBytes = 255
    /// How to fix a slug that is too long.
    public static let lengthHint = "at most \(maxBytes) bytes (about 85 Japanese characters)"

    /// How to fix `slug` (which ``problem(with:)`` rejected).
    public static func hint(for slug: String) -> String { slug.utf8.count > maxBytes ? lengthHint : hint }

    /// Why `slug` cannot be used as a folder name, or nil when it can.
    public static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "is empty" }
        if slug.utf8.count > maxBytes { return "is \(slug.utf8.count) bytes long, too long for a folder name" }
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
