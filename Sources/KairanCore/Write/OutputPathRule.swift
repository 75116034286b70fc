/// The rule every output path obeys, checked at the last moment before a write: relative,
/// `/`-separated, no `.`/`..`/empty segments, no backslash or NUL. Whatever a slug says, a file
/// can only land inside its audience folder.
public enum OutputPathRule {
    /// Why `path` may not be written, or nil when it may.
    public static func problem(with path: String) -> String? {
        if path.isEmpty { return "empty path" }
        if path.hasPrefix("/") { return "absolute path" }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty { return "empty path segment" }
            if segment == "." || segment == ".." { return "path segment `\(segment)`" }
            if segment.hasPrefix(".kairan") { return "reserved name `\(segment)`" }
        }
        if path.utf8.contains(0) || path.contains("\\") { return "NUL or backslash in path" }
        return nil
    }
}
