import Yams

/// Strict, typed reading of one YAML mapping: unknown keys, wrong types and missing required
/// keys become diagnostics that name the key's `file:line:column` and what is expected.
public struct YAMLFields {
    private let file: String
    private let lineOffset: Int
    let log: DiagnosticLog
    private var values: [String: YAMLValue] = [:]
    /// Where the mapping itself starts (for "missing key" errors).
    public let location: SourceLocation

    /// Reads `node` as a mapping whose keys must be among `expected`.
    /// - Parameter what: the thing being read, for messages (`front matter`, `site.yaml`, `support.channels[2]`).
    public init?(_ node: Node?, what: String, expected: [String], file: String, lineOffset: Int, log: DiagnosticLog,
                 at fallback: SourceLocation? = nil) {
        self.init(value: node.map(YAMLValue.init), what: what, expected: expected, file: file, lineOffset: lineOffset,
                  log: log, at: fallback)
    }

    /// Reads `value` as a mapping whose keys must be among `expected`.
    public init?(value node: YAMLValue?, what: String, expected: [String], file: String, lineOffset: Int, log: DiagnosticLog,
                 at fallback: SourceLocation? = nil) {
        self.file = file
        self.lineOffset = lineOffset
        self.log = log
        let start = node.flatMap { YAMLFields.location(of: $0, file: file, lineOffset: lineOffset) }
        self.location = start ?? fallback ?? SourceLocation(file: file, line: lineOffset + 1, column: 1)
        guard let node else {
            values = [:]
            return
        }
        guard case .map(let mapping) = node.content else {
            log.error(location, "\(what) must be a mapping of `key: value` lines", hint: "expected keys: \(expected.joined(separator: ", "))")
            return nil
        }
        for (keyNode, value) in mapping {
            let key = keyNode.text ?? ""
            let keyLocation = YAMLFields.location(of: keyNode, file: file, lineOffset: lineOffset) ?? location
            if !expected.contains(key) {
                let suggestion = YAMLFields.closest(to: key, in: expected).map { "did you mean `\($0)`? " } ?? ""
                log.error(keyLocation, "unknown key `\(key)` in \(what)",
                          hint: "\(suggestion)expected keys: \(expected.joined(separator: ", "))")
            } else if values[key] != nil {
                log.error(keyLocation, "duplicate key `\(key)` in \(what)", hint: "keep one of the two lines")
            } else {
                values[key] = value
            }
        }
    }

    /// The location of a value in the file.
    public static func location(of value: YAMLValue, file: String, lineOffset: Int) -> SourceLocation? {
        guard let line = value.line else { return nil }
        return SourceLocation(file: file, line: line + lineOffset, column: value.column ?? 0)
    }

    /// Whether the key is present.
    public func has(_ key: String) -> Bool { values[key] != nil }

    /// Where the value of `key` is, or the mapping's start.
    public func location(of key: String) -> SourceLocation {
        values[key].flatMap { YAMLFields.location(of: $0, file: file, lineOffset: lineOffset) } ?? location
    }

    /// Whether the value of `key` is a single text (rather than a list or mapping).
    public func isText(_ key: String) -> Bool { values[key]?.text != nil }

    func missing(_ key: String, example: String) {
        log.error(location, "missing required key `\(key)`", hint: "add a line like `\(key): \(example)`")
    }

    func scalar(_ key: String, kind: String, example: String) -> (String, SourceLocation)? {
        guard let node = values[key] else { return nil }
        let at = YAMLFields.location(of: node, file: file, lineOffset: lineOffset) ?? location
        guard case .scalar(let text, let plain) = node.content else {
            log.error(at, "`\(key)` must be \(kind)", hint: "write it on one line, e.g. `\(key): \(example)`")
            return nil
        }
        if plain && (text == "~" || text == "null" || text.isEmpty) { return nil }
        return (text, at)
    }

    /// A text value; numbers and dates written plainly are taken as their text.
    public func string(_ key: String, required: Bool = false, example: String = "テキスト") -> String? {
        guard let (text, _) = scalar(key, kind: "text", example: example) else {
            if required { missing(key, example: example) }
            return nil
        }
        return text
    }

    /// A whole number.
    public func int(_ key: String, required: Bool = false, example: String = "10", range: ClosedRange<Int>? = nil) -> Int? {
        guard let (text, at) = scalar(key, kind: "a whole number", example: example) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard let value = Int(text) else {
            log.error(at, "`\(key)` must be a whole number, found \"\(text)\"", hint: "e.g. `\(key): \(example)`")
            return nil
        }
        if let range, !range.contains(value) {
            log.error(at, "`\(key)` must be between \(range.lowerBound) and \(range.upperBound), found \(value)")
            return nil
        }
        return value
    }

    /// `true` or `false`.
    public func bool(_ key: String) -> Bool? {
        guard let (text, at) = scalar(key, kind: "true or false", example: "true") else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            log.error(at, "`\(key)` must be true or false, found \"\(text)\"")
            return nil
        }
    }

    /// A `YYYY-MM-DD` date.
    public func date(_ key: String, required: Bool = false) -> CivilDate? {
        guard let (text, at) = scalar(key, kind: "a date", example: "2026-11-25") else {
            if required { missing(key, example: "2026-11-25") }
            return nil
        }
        return YAMLFields.date(text, key: key, at: at, log: log)
    }

    /// `text` as the date of `key`: a real day written `YYYY-MM-DD` — or a date-time such as Hugo
    /// writes (`2024-05-01T10:00:00+09:00`), taken as its day in the site's time zone (Asia/Tokyo) —
    /// inside the supported dates (``JapaneseHolidays/supportedDates``), else nil after an error at `at`.
    public static func date(_ text: String, key: String, at: SourceLocation, log: DiagnosticLog) -> CivilDate? {
        let parsed = CivilDate(iso: text) ?? CivilDate(dateTimeInSiteZone: text)
        guard let date = parsed else {
            if let problem = CivilDate.dayProblem(text) {
                log.error(at, "`\(key)` \(text.prefix(10)) is not a day: \(problem)", hint: "check the day and the month")
            } else {
                log.error(at, "`\(key)` must be a date written YYYY-MM-DD, found \"\(text)\"",
                          hint: "e.g. `\(key): 2026-11-25` (or a date-time, `2026-11-25T10:00:00+09:00`)")
            }
            return nil
        }
        guard JapaneseHolidays.supportedDates.contains(date) else {
            log.error(at, "`\(key)` \(text) is outside the dates Kairan supports, \(JapaneseHolidays.supportedDatesText)",
                      hint: "Japanese holidays are known for those years only; check the year")
            return nil
        }
        return date
    }

    /// One of a fixed set of words.
    public func choice(_ key: String, _ allowed: [String], required: Bool = false) -> String? {
        guard let (text, at) = scalar(key, kind: "one of \(allowed.joined(separator: ", "))", example: allowed[0]) else {
            if required { missing(key, example: allowed[0]) }
            return nil
        }
        guard allowed.contains(text) else {
            log.error(at, "`\(key)` must be one of \(allowed.joined(separator: ", ")), found \"\(text)\"")
            return nil
        }
        return text
    }

    /// A list of texts, written `[a, b]` or as `- a` lines; a single text is taken as a list of one,
    /// but a plain text holding commas (`レセプト, 月次作業`) is an error: its brackets are missing.
    public func strings(_ key: String) -> [String] {
        guard let node = values[key] else { return [] }
        let at = YAMLFields.location(of: node, file: file, lineOffset: lineOffset) ?? location
        switch node.content {
        case .scalar(let text, let plain):
            // `tags: レセプト, 月次作業` is one text: a list needs its brackets.
            // (Only `,` and `，` separate: `、` is at home inside one Japanese phrase.)
            if plain, text.contains(",") || text.contains("，") {
                let items = text.split(whereSeparator: { $0 == "," || $0 == "，" }).map { String($0).trimmedOfWhitespace }
                log.error(at, "`\(key)` is one text, \"\(text)\", where a list is expected",
                          hint: "write a list in brackets: `\(key): [\(items.filter { !$0.isEmpty }.joined(separator: ", "))]`")
                return []
            }
            return text.isEmpty ? [] : [text]
        case .list(let sequence):
            var result: [String] = []
            for item in sequence {
                if let text = item.text { result.append(text) } else {
                    log.error(YAMLFields.location(of: item, file: file, lineOffset: lineOffset) ?? at,
                              "each entry of `\(key)` must be a text")
                }
            }
            return result
        case .map:
            log.error(at, "`\(key)` must be a list", hint: "e.g. `\(key): [初心者, 管理者]`")
            return []
        }
    }

    /// A list of texts with where each is written (`[a, b]`, `- a` lines or one text), for values
    /// checked later, once the rest of the site is known (`aliases:`).
    public func locatedStrings(_ key: String) -> [(text: String, location: SourceLocation)] {
        guard let node = values[key] else { return [] }
        let at = YAMLFields.location(of: node, file: file, lineOffset: lineOffset) ?? location
        guard case .list(let sequence) = node.content else {
            return strings(key).map { (text: $0, location: at) }
        }
        return sequence.compactMap { item in
            guard let text = item.text else {
                log.error(YAMLFields.location(of: item, file: file, lineOffset: lineOffset) ?? at, "each entry of `\(key)` must be a text")
                return nil
            }
            return (text: text, location: YAMLFields.location(of: item, file: file, lineOffset: lineOffset) ?? at)
        }
    }

    /// A nested mapping read with its own expected keys.
    public func fields(_ key: String, expected: [String]) -> YAMLFields? {
        guard let node = values[key] else { return nil }
        return YAMLFields(value: node, what: "`\(key)`", expected: expected, file: file, lineOffset: lineOffset, log: log)
    }

    /// A list of mappings, each read with `expected` keys.
    public func list(_ key: String, expected: [String]) -> [YAMLFields] {
        guard let node = values[key] else { return [] }
        guard case .list(let sequence) = node.content else {
            log.error(location(of: key), "`\(key)` must be a list of entries starting with `- `")
            return []
        }
        return sequence.enumerated().compactMap { index, item in
            YAMLFields(value: item, what: "`\(key)` entry \(index + 1)", expected: expected, file: file,
                       lineOffset: lineOffset, log: log)
        }
    }

    /// The expected key nearest to `key` by edit distance, when it is close enough to be a typo.
    static func closest(to key: String, in expected: [String]) -> String? {
        let scored = expected.map { ($0, editDistance(Array(key), Array($0))) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, key.count / 3) else { return nil }
        return best
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
