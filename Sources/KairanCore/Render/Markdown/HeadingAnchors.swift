/// Stable anchor ids for headings, in Japanese as in any script: GitHub's rule (lowercase, letters
/// and digits of every script kept, spaces to `-`, other punctuation dropped), made unique per page.
public struct HeadingAnchors {
    private var used: [String: Int] = [:]

    public init() {}

    /// Reserves an id a writer chose (`{#id}`), so that no generated id takes it; false when it
    /// is already reserved.
    public mutating func reserve(_ id: String) -> Bool {
        guard used[id] == nil else { return false }
        used[id] = 1
        return true
    }

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
        // Most headings are ASCII letters and digits, kana and kanji: decided without Unicode's
        // tables, and most keep every character (手順, 注意事項, faq): then the text is its own id.
        if !text.isEmpty, text.unicodeScalars.allSatisfy({ fastClass($0.value) == .kept }) { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch fastClass(scalar.value) {
            case .kept: result.unicodeScalars.append(scalar)
            case .capital: result.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
            case .space: result.unicodeScalars.append("-")
            case .dropped: continue
            case .unknown: return slugByProperties(text)
            }
        }
        return result.isEmpty ? "section" : result
    }

    /// What the rule does with a character, for the common ones (`unknown`: ask Unicode's tables).
    private enum FastClass { case kept, capital, space, dropped, unknown }

    private static func fastClass(_ value: UInt32) -> FastClass {
        switch value {
        case 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC, 0x4E00...0x9FFF: return .kept
        case 0x41...0x5A: return .capital
        case 0x20, 0x3000: return .space
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0x3001, 0x3002, 0x300C...0x300F, 0xFF08, 0xFF09, 0x30FB: return .dropped
        default: return .unknown
        }
    }

    /// The rule itself, by Unicode properties (what the fast path above must agree with).
    static func slugByProperties(_ text: String) -> String {
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
