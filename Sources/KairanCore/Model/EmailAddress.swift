/// The address rule for everything Kairan puts in a mail header or hands to sendmail:
/// `local@domain`, ASCII, no spaces, quotes, angle brackets or line breaks (so a value can never
/// add a header), and not starting with `-` (so no address reads as a command-line option).
public enum EmailAddress {
    /// What a bad address breaks, for hints.
    public static let rule = "a bare address such as clinic-admins@lists.example.com (no name, no <>, no spaces)"

    public static func isValid(_ text: String) -> Bool {
        guard !text.hasPrefix("-") else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64, text.utf8.count <= 254 else { return false }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+-/=?^_`{|}~")
        guard parts[0].allSatisfy({ localAllowed.contains($0) }), !parts[0].hasPrefix("."), !parts[0].hasSuffix("."), !parts[0].contains("..") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// Splits `整骨院クラウド サポート <support@example.com>` into its name and address; a bare
    /// address has an empty name. nil when the address is not valid.
    public static func parseMailbox(_ text: String) -> (name: String, address: String)? {
        let trimmed = Substring(text).trimmingCharacters(in: " ")
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = trimmed[..<open].trimmingCharacters(in: " ")
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            guard isValid(address), !name.contains(where: { $0.isNewline || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return nil }
            return (name, address)
        }
        return isValid(trimmed) ? ("", trimmed) : nil
    }
}
