extension EmailStyleSheet {
    /// `html` with the sheet's declarations written into the `style` attribute of every element
    /// a rule matches, for mail clients that drop `<style>`.
    ///
    /// Declarations are ordered as the cascade orders them — specificity (`p` < `.note` <
    /// `p.note`), then source order — and a declaration already in the element's `style=""`
    /// wins over the sheet's (an `!important` one over both); each property is written once, at
    /// its winner's place, so shorthands and longhands keep their meaning. Elements no rule
    /// matches, comments, declarations, text and the contents of `<style>` and `<script>` are
    /// copied byte for byte. One pass over the HTML.
    public func inline(into html: String) -> String {
        guard !rules.isEmpty else { return html }
        let tokenizer = HTMLTokenizer(html)
        let index = RuleIndex(rules)
        var out: [UInt8] = []
        out.reserveCapacity(tokenizer.bytes.count * 5 / 4)
        var open: [(name: String, classes: [String])] = []
        for token in tokenizer.tokens() {
            switch token.kind {
            case .startTag:
                let classes = token.attribute("class").map(Self.classNames) ?? []
                let matching = index.rules(matching: token.name, classes: classes, inside: open)
                if matching.isEmpty {
                    out.append(contentsOf: tokenizer.bytes[token.range])
                } else {
                    out.append(contentsOf: Self.tag(token, style: Self.style(of: matching, existing: token.attribute("style"))).utf8)
                }
                if token.opensElement { open.append((token.name, classes)) }
            case .endTag:
                if let last = open.lastIndex(where: { $0.name == token.name }) { open.removeSubrange(last...) }
                out.append(contentsOf: tokenizer.bytes[token.range])
            case .text, .rawText, .comment, .declaration:
                out.append(contentsOf: tokenizer.bytes[token.range])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The words of a `class` attribute.
    static func classNames(_ value: String) -> [String] {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }).map(String.init)
    }

    /// The merged `style` value (not yet escaped): the rules' declarations and the element's own, in cascade order.
    static func style(of rules: [Rule], existing: String?) -> String {
        struct Entry {
            var declaration: Declaration
            var key: (important: Int, inline: Int, specificity: Int, order: Int)
            var position: Int
        }
        var entries: [Entry] = []
        for rule in rules {
            for declaration in rule.declarations {
                entries.append(Entry(declaration: declaration, key: (declaration.important ? 1 : 0, 0, rule.selector.specificity, rule.order),
                                     position: entries.count))
            }
        }
        for declaration in existing.map(EmailStyleSheetParser.declarations(inStyleAttribute:)) ?? [] {
            entries.append(Entry(declaration: declaration, key: (declaration.important ? 1 : 0, 1, 0, 0), position: entries.count))
        }
        entries.sort { ($0.key.important, $0.key.inline, $0.key.specificity, $0.key.order, $0.position)
            < ($1.key.important, $1.key.inline, $1.key.specificity, $1.key.order, $1.position) }
        var lastPlace: [String: Int] = [:]
        for (place, entry) in entries.enumerated() { lastPlace[entry.declaration.property] = place }
        var parts: [String] = []
        for (place, entry) in entries.enumerated() where lastPlace[entry.declaration.property] == place {
            parts.append("\(entry.declaration.property):\(entry.declaration.value)")
        }
        return parts.joined(separator: ";")
    }

    /// The start tag `token` written again with `style` as its `style` attribute (in place of the old one, or last).
    static func tag(_ token: HTMLToken, style: String) -> String {
        var text = "<" + token.name
        var wroteStyle = false
        for attribute in token.attributes {
            if attribute.name == "style" {
                guard !wroteStyle else { continue }
                wroteStyle = true
                text += " style=\"" + HTMLEscaping.escape(style) + "\""
                continue
            }
            text += " " + attribute.name
            if let raw = attribute.rawValue {
                let quoted = raw.contains("\"") ? raw.replacingAll("\"", with: "&quot;") : raw
                text += "=\"" + quoted + "\""
            }
        }
        if !wroteStyle { text += " style=\"" + HTMLEscaping.escape(style) + "\"" }
        return text + (token.selfClosing ? " />" : ">")
    }

    /// The rules filed by the tag or first class of their subject, so an element is checked only
    /// against rules that could match it.
    struct RuleIndex {
        private var byKey: [String: [Rule]] = [:]

        init(_ rules: [Rule]) {
            for rule in rules {
                let subject = rule.selector.subject
                byKey[subject.tag ?? ("." + (subject.classes.first ?? "")), default: []].append(rule)
            }
        }

        /// The rules that match an element `name` with `classes` inside the elements `open`, in source order.
        func rules(matching name: String, classes: [String], inside open: [(name: String, classes: [String])]) -> [Rule] {
            var candidates = byKey[name] ?? []
            for className in Set(classes).sorted() { candidates += byKey["." + className] ?? [] }
            return candidates.filter { rule in
                guard rule.selector.subject.matches(tag: name, classes: classes) else { return false }
                guard let ancestor = rule.selector.ancestor else { return true }
                return open.contains { ancestor.matches(tag: $0.name, classes: $0.classes) }
            }.sorted { $0.order < $1.order }
        }
    }
}

extension String {
    /// The text with every `target` replaced by `replacement` (no Foundation).
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
