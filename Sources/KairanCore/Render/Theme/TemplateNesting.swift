/// How a theme's templates include each other (`{{> partial}}`, `{{<layout}}`) and how deep their
/// sections nest, read from the template text before anything parses or renders it.
///
/// Both renderers (the compiled one and swift-mustache) recurse once per partial and per section:
/// a template that includes itself, directly or through others, or that nests without bound would
/// overflow the stack. The theme is checked when it loads, so either is a located error instead.
enum TemplateNesting {
    /// The most levels of sections and included templates a page may nest.
    static let maxDepth = 100

    /// One `{{> name}}` or `{{<name}}` tag.
    struct Inclusion {
        var name: String
        var line: Int
        var column: Int
        /// The sections open around the tag.
        var depth: Int
        var isLayout: Bool
    }

    /// What one template's text says about nesting.
    struct Scan {
        var inclusions: [Inclusion] = []
        /// The most sections open at once, and where that depth is first reached.
        var deepest = (depth: 0, line: 1, column: 1)
    }

    /// Logs a located error for each cycle of templates including each other and for nesting
    /// deeper than ``maxDepth``; returns false when there was any.
    static func check(_ files: ThemeFiles, log: DiagnosticLog) -> Bool {
        let scans = files.templates.mapValues(scan)
        let names = scans.keys.sorted()
        func origin(_ name: String) -> String { files.origins[name] ?? "templates/\(name).mustache" }
        var ok = true

        // Cycles: depth-first search; an edge back to a template on the path closes a cycle.
        var done = Set<String>()
        var path: [(name: String, edge: Inclusion?)] = []
        func visit(_ name: String) {
            path.append((name, nil))
            for inclusion in scans[name]?.inclusions ?? [] where scans[inclusion.name] != nil {
                path[path.count - 1].edge = inclusion
                if let start = path.firstIndex(where: { $0.name == inclusion.name }) {
                    let cycle = path[start...].map(\.name) + [inclusion.name]
                    let first = path[start].edge ?? inclusion
                    let tag = first.isLayout ? "{{<\(first.name)}}" : "{{> \(first.name)}}"
                    ok = false
                    log.error(SourceLocation(file: origin(path[start].name), line: first.line, column: first.column),
                              "\(kind(inclusion.name)) `\(inclusion.name)` includes itself (\(cycle.joined(separator: " → ")))",
                              hint: cycle.count == 2 ? "a template cannot include itself: remove \(tag)"
                                  : "a template cannot include itself through others: remove \(tag) here or another tag of the chain")
                } else if !done.contains(inclusion.name) {
                    visit(inclusion.name)
                }
            }
            path.removeLast()
            done.insert(name)
        }
        for name in names where !done.contains(name) { visit(name) }
        guard ok else { return false }

        // Depth, now that the inclusions form no cycle: a template's own sections, or a tag's
        // sections plus the depth of the template it includes; located where the innermost
        // template of the chain nests deepest.
        var depths: [String: (depth: Int, chain: [String], line: Int, column: Int)] = [:]
        func depth(_ name: String) -> (depth: Int, chain: [String], line: Int, column: Int) {
            if let known = depths[name] { return known }
            let scan = scans[name] ?? Scan()
            var best = (depth: scan.deepest.depth, chain: [name], line: scan.deepest.line, column: scan.deepest.column)
            for inclusion in scan.inclusions where scans[inclusion.name] != nil {
                let inner = depth(inclusion.name)
                if inclusion.depth + 1 + inner.depth > best.depth {
                    best = (inclusion.depth + 1 + inner.depth, [name] + inner.chain, inner.line, inner.column)
                }
            }
            depths[name] = best
            return best
        }
        let deepest = names.map { ($0, depth($0)) }.max { $0.1.depth < $1.1.depth || ($0.1.depth == $1.1.depth && $0.0 > $1.0) }
        if let (name, found) = deepest, found.depth > maxDepth {
            let chain = found.chain.count > 1 ? " (\(found.chain.joined(separator: " → ")))" : ""
            log.error(SourceLocation(file: origin(found.chain.last ?? name), line: found.line, column: found.column),
                      "templates nest \(found.depth) levels deep\(chain), more than the \(maxDepth) Kairan renders",
                      hint: "flatten the sections and partials")
            return false
        }
        return true
    }

    private static func kind(_ name: String) -> String { name.hasPrefix("partials/") ? "partial" : "template" }

    /// The inclusions and section depth of one template's text. Follows `{{=<% %>=}}` delimiter
    /// changes as swift-mustache does; a tag left open ends the scan (the parser reports it).
    static func scan(_ text: String) -> Scan {
        var result = Scan()
        var text = text
        text.withUTF8 { bytes in
            var open: [UInt8] = [123, 123], close: [UInt8] = [125, 125]  // {{ }}
            var index = 0, line = 1, lineStart = 0, sections = 0
            // The column is counted on from the last tag of the line, so long lines stay linear.
            var counted = 0, column = 1
            func find(_ needle: [UInt8], from start: Int) -> Int? {
                guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
                var position = start
                while position <= bytes.count - needle.count {
                    if bytes[position] == needle[0] {
                        var matches = true
                        for offset in 1..<needle.count where bytes[position + offset] != needle[offset] { matches = false; break }
                        if matches { return position }
                    }
                    position += 1
                }
                return nil
            }
            func advanceLines(to end: Int) {
                while index < end {
                    if bytes[index] == 10 { line += 1; lineStart = index + 1 }
                    index += 1
                }
            }
            func trimmed(_ start: Int, _ end: Int) -> (Int, Int) {
                var a = start, b = end
                while a < b && (bytes[a] == 32 || bytes[a] == 9) { a += 1 }
                while b > a && (bytes[b - 1] == 32 || bytes[b - 1] == 9) { b -= 1 }
                return (a, b)
            }
            while let start = find(open, from: index) {
                advanceLines(to: start)
                if counted < lineStart { counted = lineStart; column = 1 }
                for position in counted..<start where bytes[position] & 0xC0 != 0x80 { column += 1 }
                counted = start
                let contentStart = start + open.count
                let triple = open == [123, 123] && contentStart < bytes.count && bytes[contentStart] == 123
                guard let end = find(triple ? [125] + close : close, from: contentStart) else { break }
                let after = end + close.count + (triple ? 1 : 0)
                guard contentStart < end else { advanceLines(to: after); continue }
                let sigil = bytes[contentStart]
                let (nameStart, nameEnd) = trimmed(contentStart + 1, end)
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
                switch sigil {
                case 35, 94, 36:  // # ^ $
                    sections += 1
                    if sections > result.deepest.depth { result.deepest = (sections, line, column) }
                case 60, 62:  // < >
                    if !name.hasPrefix("*") {
                        result.inclusions.append(Inclusion(name: name, line: line, column: column, depth: sections, isLayout: sigil == 60))
                    }
                    if sigil == 60 {
                        sections += 1
                        if sections > result.deepest.depth { result.deepest = (sections, line, column) }
                    }
                case 47:  // /
                    sections = max(0, sections - 1)
                case 61 where end - contentStart >= 2 && bytes[end - 1] == 61:  // =<% %>=
                    let parts = String(decoding: UnsafeBufferPointer(rebasing: bytes[(contentStart + 1)..<(end - 1)]), as: UTF8.self)
                        .split(whereSeparator: { $0 == " " || $0 == "\t" })
                    if parts.count == 2 {
                        open = Array(parts[0].utf8)
                        close = Array(parts[1].utf8)
                    }
                default:
                    break
                }
                advanceLines(to: after)
            }
        }
        return result
    }
}
