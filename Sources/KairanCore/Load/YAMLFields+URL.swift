extension YAMLFields {
    /// A URL value checked by ``URLPolicy``: a value it rejects, or one whose kind is not in `kinds`,
    /// is an error at the value's `file:line:column` (and nil).
    /// - Parameters:
    ///   - kinds: what the field may lead to; by default anything ``SafeURL`` allows.
    ///   - rule: the narrower rule when `kinds` is narrower, for messages: "start with https:// or http://".
    public func url(_ key: String, required: Bool = false, example: String = "https://example.com/",
                    kinds: Set<SafeURL.Kind> = [.web, .mail, .phone, .sitePath], rule: String? = nil) -> SafeURL? {
        guard let text = string(key, required: required, example: example) else { return nil }
        let narrower = URLPolicy.Violation(message: "must \(rule ?? "be a web address")", hint: "e.g. `\(key): \(example)`")
        do {
            let url = try SafeURL(text)
            guard kinds.contains(url.kind) else {
                reject(key, text, narrower)
                return nil
            }
            return url
        } catch {
            reject(key, text, error.isUnknownForm && rule != nil ? narrower : error)
            return nil
        }
    }

    /// Logs that `text`, the value of `key`, is not an acceptable URL.
    func reject(_ key: String, _ text: String, _ violation: URLPolicy.Violation) {
        log.error(location(of: key), "`\(key)` \(violation.message), found \(text.debugDescription)", hint: violation.hint)
    }
}
