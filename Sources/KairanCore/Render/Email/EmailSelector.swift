/// A selector the email inliner can apply: `tag`, `.class`, `tag.class` (classes may repeat:
/// `td.box.note`), or a descendant pair of those (`td.content p`). No full CSS selector engine.
public struct EmailSelector: Hashable, Sendable, CustomStringConvertible {
    /// One `tag.class` part.
    public struct Compound: Hashable, Sendable {
        /// The element name, lowercased; nil matches any element.
        public var tag: String?
        public var classes: [String]

        func matches(tag name: String, classes present: [String]) -> Bool {
            if let tag, tag != name { return false }
            return classes.allSatisfy(present.contains)
        }

        var text: String { (tag ?? "") + classes.map { "." + $0 }.joined() }
    }

    /// The element the rule applies to.
    public var subject: Compound
    /// An element the subject must be inside, for a descendant pair.
    public var ancestor: Compound?

    /// CSS specificity as one comparable number: classes count 100, tags 1, so
    /// `p` < `.note` < `p.note` < `td.content p.note`.
    public var specificity: Int {
        func weight(_ compound: Compound?) -> Int {
            guard let compound else { return 0 }
            return compound.classes.count * 100 + (compound.tag == nil ? 0 : 1)
        }
        return weight(subject) + weight(ancestor)
    }

    public var description: String { [ancestor?.text, subject.text].compactMap { $0 }.joined(separator: " ") }

    /// Parses one selector of a selector list; nil when it uses anything but the supported forms.
    static func parse(_ text: Substring) -> EmailSelector? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard (1...2).contains(parts.count) else { return nil }
        guard let subject = compound(parts[parts.count - 1]) else { return nil }
        if parts.count == 1 { return EmailSelector(subject: subject, ancestor: nil) }
        guard let ancestor = compound(parts[0]) else { return nil }
        return EmailSelector(subject: subject, ancestor: ancestor)
    }

    private static func compound(_ text: Substring) -> Compound? {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = pieces.first else { return nil }
        let tag = first.isEmpty ? nil : String(first).lowercased()
        if let tag, !tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) || !(tag.first?.isLetter ?? false) { return nil }
        let classes = pieces.dropFirst().map(String.init)
        guard classes.allSatisfy(isClassName) else { return nil }
        guard tag != nil || !classes.isEmpty else { return nil }
        return Compound(tag: tag, classes: classes)
    }

    private static func isClassName(_ name: String) -> Bool {
        guard let first = name.first, first != "-" || name.count > 1, !first.isNumber else { return false }
        return name.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }
}
