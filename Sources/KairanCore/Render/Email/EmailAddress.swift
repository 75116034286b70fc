/// An email address Kairan writes into headers: `local@domain`, ASCII only, a dot-atom local
/// part (RFC 5322 §3.4.1, no quoted strings) of at most 64 octets and a domain of at least two
/// DNS labels (letters, digits, `-`), at most 254 octets in all.
public struct EmailAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Why a text is not an address Kairan accepts, for a located error.
    public struct Problem: Error, Equatable, Sendable {
        /// 0-based offset in characters of the first offending character (0 for the whole text).
        public var offset: Int
        public var message: String
        public var hint: String
    }

    /// The address as written.
    public let text: String

    /// The address `text`, or nil when ``problem(in:)`` finds one.
    public init?(_ text: String) {
        guard Self.problem(in: text) == nil else { return nil }
        self.text = text
    }

    public var description: String { text }

    public static func < (lhs: EmailAddress, rhs: EmailAddress) -> Bool { lhs.text < rhs.text }

    /// Letters, digits and the symbols RFC 5322 `atext` allows.
    private static let atext = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+/=?^_`{|}~-")
    private static let hint = "write a plain address such as support@example.com (ASCII, no display name here)"
    /// What a bad address breaks, for hints.
    public static let rule = "a bare address such as clinic-admins@lists.example.com (no name, no <>, no spaces)"

    /// Whether `text` is an address Kairan writes into headers and hands to sendmail.
    public static func isValid(_ text: String) -> Bool { problem(in: text) == nil }

    /// What is wrong with `text` as an address, or nil when it is one.
    public static func problem(in text: String) -> Problem? {
        let characters = Array(text)
        if let bad = characters.firstIndex(where: { !$0.isASCII }) {
            return Problem(offset: bad, message: "email address `\(text)` has a non-ASCII character", hint: hint)
        }
        guard let at = characters.lastIndex(of: "@") else {
            return Problem(offset: 0, message: "`\(text)` is not an email address (no `@`)", hint: hint)
        }
        // Never read as a command-line option by the sendmail command.
        if characters.first == "-" {
            return Problem(offset: 0, message: "email address `\(text)` starts with `-`", hint: hint)
        }
        let local = characters[..<at]
        let domain = characters[(at + 1)...]
        if local.isEmpty || local.count > 64 {
            return Problem(offset: 0, message: "the part before `@` of `\(text)` must have 1 to 64 characters", hint: hint)
        }
        if text.utf8.count > 254 { return Problem(offset: 0, message: "email address `\(text)` is longer than 254 characters", hint: hint) }
        for (offset, character) in local.enumerated() {
            let dotProblem = character == "." && (offset == 0 || offset == local.count - 1 || local[offset - 1] == ".")
            if !(atext.contains(character) || character == ".") || dotProblem {
                return Problem(offset: offset, message: "email address `\(text)` has `\(character)` where it is not allowed", hint: hint)
            }
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        var offset = at + 1
        guard labels.count >= 2 else {
            return Problem(offset: offset, message: "the domain of `\(text)` needs at least one dot", hint: hint)
        }
        for label in labels {
            let valid = !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            if !valid {
                return Problem(offset: offset, message: "the domain of `\(text)` has an invalid part `\(String(label))`", hint: hint)
            }
            offset += label.count + 1
        }
        return nil
    }
}

/// An address with an optional display name, as in `From`, `Reply-To` and `To`.
public struct EmailMailbox: Hashable, Sendable {
    /// The display name, any Unicode text (line breaks are dropped when it is written); empty for none.
    public var name: String
    public var address: EmailAddress

    public init(name: String = "", address: EmailAddress) {
        self.name = name
        self.address = address
    }

    /// Reads `Name <local@domain>` or a bare `local@domain` (as `mail.from` in site.yaml is written);
    /// the problem's offset is in characters of `text`.
    public static func parse(_ text: String) -> Result<EmailMailbox, EmailAddress.Problem> {
        let characters = Array(text)
        guard characters.last == ">", let open = characters.lastIndex(of: "<") else {
            let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            let lead = characters.prefix { $0 == " " }.count
            if let problem = EmailAddress.problem(in: trimmed) { return .failure(shifted(problem, by: lead)) }
            guard let address = EmailAddress(trimmed) else { return .failure(EmailAddress.Problem(offset: 0, message: "invalid address", hint: "")) }
            return .success(EmailMailbox(address: address))
        }
        let addressText = String(characters[(open + 1)..<(characters.count - 1)])
        if let problem = EmailAddress.problem(in: addressText) { return .failure(shifted(problem, by: open + 1)) }
        guard let address = EmailAddress(addressText) else { return .failure(EmailAddress.Problem(offset: open + 1, message: "invalid address", hint: "")) }
        var name = String(characters[..<open])
        while name.last == " " { name.removeLast() }
        while name.first == " " { name.removeFirst() }
        if name.count >= 2, name.first == "\"", name.last == "\"" { name = String(name.dropFirst().dropLast()) }
        return .success(EmailMailbox(name: name, address: address))
    }

    private static func shifted(_ problem: EmailAddress.Problem, by offset: Int) -> EmailAddress.Problem {
        var problem = problem
        problem.offset += offset
        return problem
    }
}
