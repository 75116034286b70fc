/// A fast reader for the flat front matter most files have — `key: value` lines with plain or
/// quoted scalars and `[a, b]` lists — giving the same values Yams would. Anything else (nesting,
/// block lists, comments, anchors, multi-line or escaped text) returns nil and the file goes
/// through Yams. Positions are Yams' too: 1-based lines, columns counted in Unicode scalars.
public enum SimpleYAML {
    /// The mapping of `text`, or nil when the text is outside the simple subset.
    public static func mapping(_ text: String) -> YAMLValue? {
        var text = text
        return text.withUTF8 { bytes -> YAMLValue? in
            var pairs: [(key: YAMLValue, value: YAMLValue)] = []
            var start = 0
            var number = 1
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 10 { end += 1 }
                if end > start {
                    // Front matter has a dozen keys; past `maxKeys` Yams reads it (and finds
                    // duplicates without comparing every pair).
                    guard pairs.count < maxKeys, let pair = line(bytes, start, end, number: number),
                          !pairs.contains(where: { $0.key.text == pair.key.text }) else { return nil }
                    pairs.append(pair)
                }
                start = end + 1
                number += 1
            }
            return pairs.isEmpty ? nil : YAMLValue(.map(pairs), line: 1, column: 1)
        }
    }

    /// More keys than any front matter Kairan reads.
    static let maxKeys = 64

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 95 || byte == 45
    }

    /// Yams' column of byte `index` on a line starting at `start`: scalars before it, plus one.
    private static func column(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ index: Int) -> Int {
        var count = 1
        for position in start..<index where bytes[position] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    private static func line(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, number: Int) -> (key: YAMLValue, value: YAMLValue)? {
        var colon = start
        while colon < end && isKeyByte(bytes[colon]) { colon += 1 }
        // `key: value` with a letter first, one or more spaces after the colon, a non-empty value.
        guard colon > start, colon + 1 < end, bytes[colon] == 58, bytes[colon + 1] == 32,
              (bytes[start] >= 97 && bytes[start] <= 122) || (bytes[start] >= 65 && bytes[start] <= 90) else { return nil }
        var valueStart = colon + 1
        while valueStart < end && bytes[valueStart] == 32 { valueStart += 1 }
        var valueEnd = end
        while valueEnd > valueStart && bytes[valueEnd - 1] == 32 { valueEnd -= 1 }
        guard valueStart < valueEnd, let value = self.value(bytes, valueStart, valueEnd, line: number, lineStart: start) else { return nil }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self)
        return (YAMLValue(.scalar(key, plain: true), line: number, column: 1), value)
    }

    private static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int, lineStart: Int) -> YAMLValue? {
        let at = { (index: Int) in (line, column(bytes, lineStart, index)) }
        guard bytes[start] == 91 else { return scalar(bytes, start, end, at: at(start)) }  // "["
        guard bytes[end - 1] == 93 else { return nil }  // "]"
        var items: [YAMLValue] = []
        var itemStart = start + 1
        let inner = end - 1
        var only = true
        for index in itemStart..<inner where bytes[index] != 32 { only = false; break }
        if only { return YAMLValue(.list([]), line: line, column: at(start).1) }
        while itemStart <= inner {
            var itemEnd = itemStart
            var quote: UInt8 = 0
            while itemEnd < inner {
                let byte = bytes[itemEnd]
                if quote != 0 { if byte == quote { quote = 0 } }
                else if byte == 34 || byte == 39 { quote = byte }
                else if byte == 44 { break }
                itemEnd += 1
            }
            var a = itemStart, b = itemEnd
            while a < b && bytes[a] == 32 { a += 1 }
            while b > a && bytes[b - 1] == 32 { b -= 1 }
            guard a < b, let item = scalar(bytes, a, b, at: at(a)) else { return nil }
            items.append(item)
            itemStart = itemEnd + 1
        }
        return YAMLValue(.list(items), line: line, column: at(start).1)
    }

    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, at: (Int, Int)) -> YAMLValue? {
        let first = bytes[start]
        if first == 34 || first == 39 {  // quoted: no escapes, no inner quote of the same kind
            guard end - start >= 2, bytes[end - 1] == first else { return nil }
            for index in (start + 1)..<(end - 1) where bytes[index] == first || bytes[index] == 92 { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(end - 1)]), as: UTF8.self)
            return YAMLValue(.scalar(text, plain: false), line: at.0, column: at.1)
        }
        // Plain: no indicator first, no `: `, ` #`, flow characters, tabs or a trailing colon.
        switch first {
        case 91, 93, 123, 125, 38, 42, 33, 124, 62, 37, 64, 96, 35, 44, 63, 45: return nil  // []{}&*!|>%@`#,?-
        default: break
        }
        if bytes[end - 1] == 58 { return nil }
        for index in start..<end {
            switch bytes[index] {
            case 91, 93, 123, 125, 44, 9: return nil
            case 58 where index + 1 < end && bytes[index + 1] == 32: return nil
            case 35 where index > start && bytes[index - 1] == 32: return nil
            default: continue
            }
        }
        return YAMLValue(.scalar(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), plain: true),
                         line: at.0, column: at.1)
    }
}
