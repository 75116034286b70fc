/// Stable anchor ids for headings, in Japanese as in any script: GitHub's rule (lowercase, letters
/// and digits of every script kept, spaces to `-`, other punctuation dropped), made unique per page.
public struct HeadingAnchors {
    private var used: [String: Int] = [:]

    public init() {}

    /// The id for a heading with `text`, unique among the ids this value has handed out.
    public mutating func id(for text: String) -> String {
        let base = HeadingAnchors.slug(text)
        if let count = used[base] {
            var candidate = "\(base)-\(count)"
            var next = count
            while used[candidate] != nil {
                next += 1
                candidate = "\(base)-\(next)"
            }
            used[base] = next + 1
            used[candidate] = 1
            return candidate
        }
        used[base] = 1
        return base
    }

    /// The id a heading text gets before de-duplication.
    public static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            let properties = scalar.properties
            if scalar == " " || scalar == "\u{3000}" {
                result.unicodeScalars.append("-")
            } else if scalar == "-" || scalar == "_" || properties.isAlphabetic || properties.numericType != nil
                        || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.isEmpty ? "section" : result
    }
}
