/// The rule every output path obeys, checked at the last moment before a write: relative,
/// `/`-separated, no `.`/`..`/empty segments, no backslash or NUL. Whatever a slug says, a file
/// can only land inside its audience folder.
public enum OutputPathRule {
    /// Why `path` may not be written, or nil when it may.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "empty path" }
        if path.utf8.first == 47 { return "absolute path" }
        // One pass over the bytes: segments end at `/`; only a segment starting with `.` needs a closer look.
        var segmentStart = path.utf8.startIndex
        var index = segmentStart
        let utf8 = path.utf8
        while true {
            let atEnd = index == utf8.endIndex
            let byte = atEnd ? 47 : utf8[index]
            if byte == 0 || byte == 92 { return "NUL or backslash in path" }
            if byte == 47 {
                let segment = utf8[segmentStart..<index]
                if segment.isEmpty { return "empty path segment" }
                if segment.first == 46 {
                    let text = String(Substring(segment))
                    if text == "." || text == ".." { return "path segment `\(text)`" }
                    if text.hasPrefix(".kairan") { return "reserved name `\(text)`" }
                }
                if atEnd { return nil }
                segmentStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
    }
}
