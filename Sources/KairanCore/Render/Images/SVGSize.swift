/// The size of an SVG file from its root `<svg>` start tag: `width` and `height` when both are
/// lengths in px (or unitless), one of them with the `viewBox`'s aspect ratio, else the `viewBox`'s
/// width and height. Other units (`%`, `em`, `mm`) are no size: the image's box depends on the page.
enum SVGSize {
    static func read(_ bytes: [UInt8]) -> ImageSize.Reading {
        guard let attributes = rootAttributes(bytes) else { return looksLikeXML(bytes) ? .truncated : .unknown }
        guard let tag = attributes.tag else { return .unknown }
        let width = tag["width"].flatMap(length)
        let height = tag["height"].flatMap(length)
        let box = tag["viewbox"].flatMap(viewBox)
        if let width, let height { return rounded(width, height) }
        if let box {
            if let width { return rounded(width, width * box.height / box.width) }
            if let height { return rounded(height * box.width / box.height, height) }
            return rounded(box.width, box.height)
        }
        return .unknown
    }

    private static func rounded(_ width: Double, _ height: Double) -> ImageSize.Reading {
        guard width.isFinite, height.isFinite, width < Double(ImageSize.maximum) * 2, height < Double(ImageSize.maximum) * 2 else { return .unknown }
        return ImageSize.checked(max(1, Int(width.rounded())), max(1, Int(height.rounded())))
    }

    /// A length in px or without unit, greater than 0.
    static func length(_ text: String) -> Double? {
        var value = text.trimmingXMLSpace
        if value.hasSuffix("px") { value.removeLast(2) }
        guard let number = Double(value), number.isFinite, number > 0 else { return nil }
        return number
    }

    /// `min-x min-y width height`, separated by spaces and/or commas; width and height greater than 0.
    static func viewBox(_ text: String) -> (width: Double, height: Double)? {
        let parts = text.split { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard parts.count == 4, let width = Double(parts[2]), let height = Double(parts[3]),
              parts[0...1].allSatisfy({ Double($0)?.isFinite == true }),
              width.isFinite, height.isFinite, width > 0, height > 0 else { return nil }
        return (width, height)
    }

    /// Whether the bytes start (after a BOM and white space) like an XML or SVG document.
    private static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "<")
    }

    /// The outcome of looking for the root element.
    struct Root {
        /// The root's attributes (names lowercased), or nil when the root is not `<svg>`.
        var tag: [String: String]?
    }

    /// The attributes of the first element when it is `svg`; nil when the bytes end first (or are not XML).
    static func rootAttributes(_ bytes: [UInt8]) -> Root? {
        guard looksLikeXML(bytes) else { return nil }
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            // Prolog: `<?xml …?>`, comments, `<!DOCTYPE …>` (an internal subset's `>` would end it early: that is rare and only costs the size).
            if starts(bytes, "<?", at: index) {
                guard let end = find(bytes, "?>", from: index + 2) else { return nil }
                index = end + 2
                continue
            }
            if starts(bytes, "<!--", at: index) {
                guard let end = find(bytes, "-->", from: index + 4) else { return nil }
                index = end + 3
                continue
            }
            if starts(bytes, "<!", at: index) {
                guard let end = find(bytes, ">", from: index + 2) else { return nil }
                index = end + 1
                continue
            }
            // The first element: its name, then its attributes up to `>` outside quotes.
            var cursor = index + 1
            let nameStart = cursor
            while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/") { cursor += 1 }
            guard cursor < bytes.count else { return nil }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
            guard name == "svg" || name.hasSuffix(":svg") else { return Root(tag: nil) }
            var attributes: [String: String] = [:]
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if isSpace(byte) || byte == UInt8(ascii: "/") { cursor += 1; continue }
                if byte == UInt8(ascii: ">") { return Root(tag: attributes) }
                let start = cursor
                while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "="), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                let key = String(decoding: bytes[start..<cursor], as: UTF8.self).lowercased()
                while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count else { return nil }
                guard bytes[cursor] == UInt8(ascii: "=") else { continue }
                cursor += 1
                while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < bytes.count else { return nil }
                let quote = bytes[cursor]
                guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return Root(tag: nil) }
                guard let close = bytes[(cursor + 1)...].firstIndex(of: quote) else { return nil }
                if attributes[key] == nil { attributes[key] = HTMLEntities.decode(String(decoding: bytes[(cursor + 1)..<close], as: UTF8.self)) }
                cursor = close + 1
            }
            return nil
        }
        return nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func starts(_ bytes: [UInt8], _ text: String, at index: Int) -> Bool {
        let expected = Array(text.utf8)
        return index + expected.count <= bytes.count && bytes[index..<(index + expected.count)].elementsEqual(expected)
    }

    private static func find(_ bytes: [UInt8], _ text: String, from index: Int) -> Int? {
        let expected = Array(text.utf8)
        guard index <= bytes.count, expected.count <= bytes.count else { return nil }
        var at = index
        while at + expected.count <= bytes.count {
            if bytes[at] == expected[0], bytes[at..<(at + expected.count)].elementsEqual(expected) { return at }
            at += 1
        }
        return nil
    }
}

extension String {
    /// Without XML white space (space, tab, CR, LF) at either end.
    fileprivate var trimmingXMLSpace: String {
        let space: Set<Character> = [" ", "\t", "\n", "\r", "\r\n"]
        guard let first = firstIndex(where: { !space.contains($0) }), let last = lastIndex(where: { !space.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}
