/// Limits on what a build reads, from `limits:` in site.yaml.
public struct SiteLimits: Sendable, Equatable {
    /// The default of ``maxFileSize``: 5 MB, far above any real article.
    public static let defaultMaxFileSize = 5_000_000

    /// The largest article, data file or template the build reads as text, in bytes
    /// (`limits.max_file_size`). Files that are only copied (static/, images, theme assets) have none.
    public var maxFileSize = SiteLimits.defaultMaxFileSize

    public init() {}
}

/// Sizes in bytes as site.yaml writes them (`5MB`, `800KB`, `1.5GB`, `5000000`) and as messages
/// show them (`62.1 MB`). Units are decimal: 1 MB = 1,000,000 bytes.
public enum ByteSize {
    private static let units: [(String, Double)] = [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)]

    /// The bytes `text` means, or nil when it is not a positive size.
    public static func parse(_ text: String) -> Int? {
        var number = Substring(text)
        var scale = 1.0
        for (unit, value) in units where text.uppercased().hasSuffix(unit) {
            number = text.dropLast(unit.count)
            scale = value
            break
        }
        while number.last == " " { number = number.dropLast() }
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(number), value > 0, value * scale < Double(Int.max / 2) else { return nil }
        let bytes = Int((value * scale).rounded())
        return bytes > 0 ? bytes : nil
    }

    /// `62.1 MB`, `5 MB`, `812 KB`, `90 bytes`.
    public static func text(_ bytes: Int) -> String {
        for (unit, value) in units where Double(bytes) >= value {
            let tenths = (Double(bytes) / value * 10).rounded() / 10
            let number = tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
            return "\(number) \(unit)"
        }
        return "\(bytes) bytes"
    }

    /// `size` and `limit` as texts that differ (exact bytes when rounding would make them equal).
    public static func texts(_ size: Int, over limit: Int) -> (size: String, limit: String) {
        let (a, b) = (text(size), text(limit))
        return a == b ? ("\(size) bytes", "\(limit) bytes") : (a, b)
    }
}
