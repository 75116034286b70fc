extension YAMLFields {
    /// One of `allowed`, like ``choice(_:_:required:)`` but every error carries a hint: the
    /// closest allowed word when the value looks like a typo, and the full list.
    func scheduleChoice(_ key: String, _ allowed: [String], required: Bool = false, log: DiagnosticLog) -> String? {
        guard let text = string(key, required: required, example: allowed.first ?? "") else { return nil }
        guard allowed.contains(text) else {
            let suggestion = YAMLFields.closest(to: text, in: allowed).map { "did you mean `\($0)`? " } ?? ""
            log.error(location(of: key), "`\(key)` must be one of \(allowed.joined(separator: ", ")), found \"\(text)\"",
                      hint: "\(suggestion)write one of: \(allowed.joined(separator: ", "))")
            return nil
        }
        return text
    }

    /// A whole number in `range`, like ``int(_:required:example:range:)`` but the range error
    /// carries a hint too.
    func scheduleInt(_ key: String, required: Bool, example: String, range: ClosedRange<Int>, unit: String,
                     log: DiagnosticLog) -> Int? {
        guard let value = int(key, required: required, example: example) else { return nil }
        guard range.contains(value) else {
            log.error(location(of: key),
                      "`\(key)` must be between \(range.lowerBound) and \(range.upperBound), found \(value)",
                      hint: "give the length in \(unit), e.g. `\(key): \(example)`")
            return nil
        }
        return value
    }
}
