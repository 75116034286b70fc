/// The check every envelope address passes before it reaches a sendmail command line: a bare
/// `local@domain` of printable ASCII, no spaces, brackets, quotes or separators, not starting with
/// `-` (so no address can be read as an option, even by a command that ignores `--`).
enum MailAddress {
    /// Whether `text` is a bare address Kairan hands to sendmail.
    static func isPlain(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !text.hasPrefix("-") else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value < 0x7F && !"<>()[],;:\"\\".unicodeScalars.contains(scalar)
        }
    }

    /// What a bad address breaks, for hints.
    static let rule = "a bare address such as clinic-admins@lists.example.com (no name, no <>, no spaces)"
}
