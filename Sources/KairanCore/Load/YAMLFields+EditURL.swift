extension EditURLPattern {
    /// The pattern at `key` of `fields`; an unacceptable one is an error at its value (and nil).
    static func decode(_ fields: YAMLFields, key: String) -> EditURLPattern? {
        guard let text = fields.string(key, example: "https://github.com/org/repo/edit/main/{path}") else { return nil }
        do {
            return try EditURLPattern(text)
        } catch {
            fields.reject(key, text, error)
            return nil
        }
    }
}
