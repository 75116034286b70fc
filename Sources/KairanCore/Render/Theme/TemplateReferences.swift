extension Theme {
    /// The templates rendering `name` uses: itself, and every partial (`{{> x}}`) and parent
    /// (`{{< x}}`) it pulls in, transitively, sorted (read with `TemplateNesting`'s scanner, the
    /// one that checks the theme for cycles). These are the template inputs of an output.
    public func templatesUsed(by name: String) -> [String] {
        Theme.templates(usedBy: name, in: files.templates)
    }

    /// `templatesUsed(by:)` of the templates `texts` (by name).
    static func templates(usedBy name: String, in texts: [String: String]) -> [String] {
        var found: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard found.insert(next).inserted, let text = texts[next] else { continue }
            pending += TemplateNesting.scan(text).inclusions.map(\.name)
        }
        return found.sorted()
    }
}
