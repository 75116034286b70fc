/// A Markdown file split into its front matter — YAML between `---` fences, or TOML between
/// `+++` fences (Hugo's default) — and its body.
public struct FrontMatter: Sendable, Equatable {
    /// The language of a front matter block.
    public enum Format: Sendable, Equatable { case yaml, toml }

    /// The text between the fences (YAML, or TOML when `format` is `.toml`); empty when the file has none.
    public var yaml: String
    /// The line of the file on which the YAML starts, minus one (added to YAML line numbers).
    public var yamlLineOffset: Int
    /// The Markdown after the closing fence.
    public var body: MarkdownSource
    /// Whether the file had a front matter block at all.
    public var present: Bool
    /// Whether the file opened front matter with `---` and never closed it (already reported):
    /// then nothing of the file can be read.
    public var unclosed = false
    public var format = Format.yaml

    /// Splits `text`. A file that opens with `---` but never closes it is an error at line 1.
    public static func split(_ text: String, file: String, log: DiagnosticLog) -> FrontMatter {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingCRLF()
        // The opening fence is `---` alone on the first line; it may also be the whole file.
        let utf8 = text.utf8
        let newline = UInt8(ascii: "\n")
        let format: Format = utf8.starts(with: "+++".utf8) ? .toml : .yaml
        let fence = format == .toml ? "+++" : "---"
        guard utf8.starts(with: fence.utf8) else { return FrontMatter(text: text) }
        let fenceEnd = utf8.index(utf8.startIndex, offsetBy: 3)
        guard fenceEnd == utf8.endIndex || utf8[fenceEnd] == newline else { return FrontMatter(text: text) }
        let yamlStart = fenceEnd == utf8.endIndex ? fenceEnd : utf8.index(after: fenceEnd)
        // Walk lines after the opening fence until a closing `---` or `...` line.
        var lineStart = yamlStart
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: newline) ?? utf8.endIndex
            let content = utf8[lineStart..<lineEnd]
            if content.elementsEqual(fence.utf8) || (format == .yaml && content.elementsEqual("...".utf8)) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return FrontMatter(
                    yaml: String(text[yamlStart..<lineStart]), yamlLineOffset: 1,
                    body: MarkdownSource(text: String(text[bodyStart...]), lineOffset: line),
                    present: true, format: format)
            }
            line += 1
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        log.error(SourceLocation(file: file, line: 1, column: 1), "front matter opened with `\(fence)` is never closed",
                  hint: "end the \(format == .toml ? "TOML" : "YAML") block with a line holding only `\(fence)`")
        return FrontMatter(yaml: "", yamlLineOffset: 0, body: MarkdownSource(text: "", lineOffset: 0), present: true, unclosed: true,
                           format: format)
    }
}

extension FrontMatter {
    /// A file without front matter: all of it is the body.
    fileprivate init(text: String) {
        self.init(yaml: "", yamlLineOffset: 0, body: MarkdownSource(text: text, lineOffset: 0), present: false)
    }
}

extension String {
    /// The text with Windows line endings turned into `\n`.
    func replacingCRLF() -> String {
        var copy = self
        let hasCR = copy.withUTF8 { bytes in bytes.count > 0 && memchr(bytes.baseAddress!, 13, bytes.count) != nil }
        guard hasCR else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousCR = false
        for byte in utf8 {
            if previousCR && byte != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
            previousCR = byte == UInt8(ascii: "\r")
            if !previousCR { bytes.append(byte) }
        }
        if previousCR { bytes.append(UInt8(ascii: "\n")) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension FrontMatter {
    /// The front matter as a value: flat YAML through `SimpleYAML`, other YAML through Yams, TOML
    /// through `TOMLFrontMatter` (all give the same values and positions); nil when empty or broken (logged).
    public func value(file: String, log: DiagnosticLog) -> YAMLValue? {
        if yaml.isEmpty { return nil }
        if format == .toml { return TOMLFrontMatter.value(yaml, file: file, lineOffset: yamlLineOffset, log: log) }
        if let simple = SimpleYAML.mapping(yaml) { return simple }
        return YAMLDocument.parse(yaml, file: file, lineOffset: yamlLineOffset, log: log).map(YAMLValue.init)
    }

    /// Splits `text` and reads its front matter strictly with `keys`: flat front matter through
    /// `SimpleYAML`, anything else through Yams; both give the same values and positions.
    /// Returns nil fields when the YAML is broken or not a mapping (after logging why).
    public static func read(_ text: String, file: String, keys: [String], log: DiagnosticLog) -> (fields: YAMLFields?, split: FrontMatter) {
        let split = FrontMatter.split(text, file: file, log: log)
        let value = split.value(file: file, log: log)
        if split.unclosed || (!split.yaml.isEmpty && value == nil) { return (nil, split) }
        let fields = YAMLFields(value: value, what: "front matter", expected: keys, file: file, lineOffset: split.yamlLineOffset,
                                log: log, at: SourceLocation(file: file, line: 1, column: 1))
        return (fields, split)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
