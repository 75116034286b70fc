/// Text helpers shared by the SVG charts: coordinates with one fixed decimal and escaped text.
enum SVGFormat {
    /// A coordinate with one decimal: `56.0`, `123.4`.
    static func number(_ value: Double) -> String { FixedDecimal.format(value, decimals: 1) }

    /// `points="x,y x,y …"` content of a polyline.
    static func points(_ points: [(x: Double, y: Double)]) -> String {
        points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
    }

    /// Text escaped for element content and attribute values.
    static func text(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// The opening `<svg>` tag with the accessible name and description, which come right after it.
    /// With an empty `id` no ids are written and `<title>` alone names the image.
    static func open(width: Int, height: Int, classes: String, status: KPIStatus?, id: String, title: String, desc: String) -> String {
        let safeID = isSafeID(id) ? id : ""
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" class=\"\(text(classes))\""
        if let status { out += " data-status=\"\(status.rawValue)\"" }
        out += " role=\"img\""
        if safeID.isEmpty {
            out += ">\n<title>\(text(title))</title>\n<desc>\(text(desc))</desc>\n"
        } else {
            out += " aria-labelledby=\"\(safeID)-title\" aria-describedby=\"\(safeID)-desc\">\n"
            out += "<title id=\"\(safeID)-title\">\(text(title))</title>\n<desc id=\"\(safeID)-desc\">\(text(desc))</desc>\n"
        }
        return out
    }

    /// ASCII letters, digits, `-` and `_`, starting with a letter: usable as an XML id unescaped.
    static func isSafeID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
        }
    }
}
