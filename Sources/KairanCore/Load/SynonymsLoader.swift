/// Decodes `content/data/synonyms.yaml` strictly: a top-level `synonyms:` list of
/// `- words: [ログイン, サインイン]`, each group at least two words, a word in one group only
/// (compared as the search normalises them: サインイン and ｻｲﾝｲﾝ are one word).
public enum SynonymsLoader {
    public static let file = "content/data/synonyms.yaml"
    static let keys = ["words"]

    public static func load(_ file: OperationsSourceFile, log: DiagnosticLog) -> SearchSynonyms {
        var groups: [[String]] = []
        var seen: [String: SourceLocation] = [:]
        for entry in OperationsList.entries(of: file, key: "synonyms", expected: keys, example: "- words: [ログイン, サインイン]", log: log) {
            guard entry.has("words") else {
                log.error(entry.location, "a synonym group has no `words:`", hint: "write `- words: [ログイン, サインイン]`")
                continue
            }
            let words = entry.strings("words")
            let location = entry.location(of: "words")
            var group: [String] = []
            for word in words {
                let normalized = SearchText.normalized(word)
                if normalized.isEmpty {
                    log.error(location, "the synonym \"\(word)\" has no searchable characters", hint: "use words of letters, digits or Japanese characters")
                } else if let first = seen[normalized] {
                    log.error(location, "\"\(word)\" is already in a synonym group (\(first.file):\(first.line))",
                              hint: "a word belongs to one group: merge the two groups")
                } else {
                    seen[normalized] = location
                    group.append(word)
                }
            }
            if words.count < 2 {
                log.error(location, "a synonym group needs at least two words", hint: "write `words: [ログイン, サインイン]`")
            } else if group.count >= 2 {
                groups.append(group)
            }
        }
        return SearchSynonyms(groups: groups, source: file.path)
    }
}
