extension Theme {
    /// The templates rendering `name` uses: itself, and every partial (`{{> x}}`) and parent
    /// (`{{< x}}`) it pulls in, transitively, sorted. These are the template inputs of an output.
    public func templatesUsed(by name: String) -> [String] {
        var found: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard found.insert(next).inserted, let text = files.templates[next] else { continue }
            pending += Theme.references(in: text)
        }
        return found.sorted()
    }

    /// Names of the partials and parents a template's text names.
    static func references(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            let tag = rest[..<close.lowerBound]
            if let sigil = tag.first, sigil == ">" || sigil == "<" {
                let name = tag.dropFirst().drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
                if !name.isEmpty { names.append(String(name)) }
            }
            rest = rest[close.upperBound...]
        }
        return names
    }
}
