import TOMLKit

/// TOML front matter (`+++` … `+++`, Hugo's default) as a ``YAMLValue``, so that one reader
/// (``YAMLFields``) checks both formats with the same keys and messages.
///
/// TOML strings are quoted scalars, numbers, booleans and dates plain scalars in their TOML
/// spelling (`2024-05-01`, `2024-05-01T10:00:00+09:00`), arrays lists, tables mappings.
/// TOMLKit gives no positions, so each top-level key's line and column are found in the text
/// (front matter is flat; a nested value is placed at its key). A repeated key is reported at
/// every repeat, like YAML's, before TOML's own parser would refuse the whole text.
enum TOMLFrontMatter {
    /// The mapping of `toml`, the text of `file` starting after line `lineOffset`; nil when broken (logged).
    static func value(_ toml: String, file: String, lineOffset: Int, log: DiagnosticLog) -> YAMLValue? {
        let keys = topLevelKeys(toml)
        var first: [String: Int] = [:]
        var repeated = false
        for key in keys {
            if let line = first[key.name] {
                repeated = true
                log.error(SourceLocation(file: file, line: key.line + lineOffset, column: key.column), "duplicate key `\(key.name)`",
                          hint: "this key is already set at line \(line + lineOffset); keep one of the two")
            } else {
                first[key.name] = key.line
            }
        }
        if repeated { return nil }
        let table: TOMLTable
        do { table = try TOMLTable(string: toml) } catch let error as TOMLParseError {
            log.error(SourceLocation(file: file, line: error.source.begin.line + lineOffset, column: error.source.begin.column),
                      "TOML front matter cannot be read: \(error.description)",
                      hint: "write one `key = value` per line: text in quotes, lists in [ ], dates as 2026-11-25")
            return nil
        } catch {
            log.error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "TOML front matter cannot be read: \(error)")
            return nil
        }
        let places = Dictionary(keys.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [(key: YAMLValue, value: YAMLValue, line: Int)] = []
        for name in table.keys {
            guard let item = table[name] else { continue }
            let place = places[name] ?? Key(name: name, line: 1, column: 1, valueColumn: 1)
            pairs.append((YAMLValue(.scalar(name, plain: true), line: place.line, column: place.column),
                          value(of: item, line: place.line, column: place.valueColumn), place.line))
        }
        // In the order of the text (TOML tables are sorted by key), so messages come in line order.
        pairs.sort { ($0.line, $0.key.text ?? "") < ($1.line, $1.key.text ?? "") }
        return YAMLValue(.map(pairs.map { (key: $0.key, value: $0.value) }), line: 1, column: 1)
    }

    private static func value(of item: TOMLValueConvertible, line: Int, column: Int) -> YAMLValue {
        func plain(_ text: String) -> YAMLValue { YAMLValue(.scalar(text, plain: true), line: line, column: column) }
        switch item.type {
        case .string: return YAMLValue(.scalar(item.string ?? "", plain: false), line: line, column: column)
        case .int: return plain(item.int.map(String.init) ?? "")
        case .double: return plain(item.double.map { "\($0)" } ?? "")
        case .bool: return plain(item.bool == true ? "true" : "false")
        case .date: return plain(item.date.map(text) ?? "")
        case .time: return plain(item.time.map(text) ?? "")
        case .dateTime:
            guard let dateTime = item.dateTime else { return plain("") }
            var result = text(dateTime.date) + "T" + text(dateTime.time)
            if let offset = dateTime.offset?.offset {
                let sign = offset < 0 ? "-" : "+"
                result += sign + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
            }
            return plain(result)
        case .array:
            let items = item.array.map { Array($0) } ?? []
            return YAMLValue(.list(items.map { value(of: $0, line: line, column: column) }), line: line, column: column)
        case .table:
            guard let table = item.table else { return YAMLValue(.map([]), line: line, column: column) }
            let pairs = table.keys.compactMap { name in
                table[name].map { (key: YAMLValue(.scalar(name, plain: true), line: line, column: column), value: value(of: $0, line: line, column: column)) }
            }
            return YAMLValue(.map(pairs), line: line, column: column)
        }
    }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
    private static func text(_ date: TOMLDate) -> String {
        String(repeating: "0", count: max(0, 4 - String(date.year).count)) + "\(date.year)-\(two(date.month))-\(two(date.day))"
    }
    private static func text(_ time: TOMLTime) -> String { "\(two(time.hour)):\(two(time.minute)):\(two(time.second))" }

    /// A `key = …` line of the top-level table.
    struct Key: Equatable {
        var name: String
        /// 1-based line, columns of the key and of its value (in characters).
        var line: Int
        var column: Int
        var valueColumn: Int
    }

    /// The top-level keys of `toml` with their places, repeats included, up to the first `[table]` header.
    static func topLevelKeys(_ toml: String) -> [Key] {
        var keys: [Key] = []
        var open = 0  // brackets of a value spread over several lines
        var inString = false  // inside a `"""` or `'''` string
        for (index, line) in toml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let characters = Array(line)
            let tripleQuotes = line.components(ofTripleQuotes: ()).count
            if inString {
                if tripleQuotes % 2 == 1 { inString = false }
                continue
            }
            var at = 0
            while at < characters.count, characters[at] == " " || characters[at] == "\t" { at += 1 }
            if open == 0, at < characters.count, characters[at] == "[" { break }  // a table header ends the top level
            if open == 0, at < characters.count, characters[at] != "#" {
                let keyStart = at
                var name = ""
                if characters[at] == "\"" || characters[at] == "'" {
                    let quote = characters[at]
                    at += 1
                    while at < characters.count, characters[at] != quote { name.append(characters[at]); at += 1 }
                    at += 1
                } else {
                    while at < characters.count, characters[at].isLetter || characters[at].isNumber || "_-.".contains(characters[at]) {
                        name.append(characters[at])
                        at += 1
                    }
                }
                while at < characters.count, characters[at] == " " || characters[at] == "\t" { at += 1 }
                if !name.isEmpty, at < characters.count, characters[at] == "=" {
                    at += 1
                    while at < characters.count, characters[at] == " " || characters[at] == "\t" { at += 1 }
                    keys.append(Key(name: name, line: index + 1, column: keyStart + 1, valueColumn: at + 1))
                }
            }
            if tripleQuotes % 2 == 1 { inString = true; continue }
            for character in characters {
                if character == "[" { open += 1 } else if character == "]" { open = max(0, open - 1) }
            }
        }
        return keys
    }
}

private extension Substring {
    /// The places of `"""` and `'''` on the line.
    func components(ofTripleQuotes: Void) -> [Int] {
        var places: [Int] = []
        let characters = Array(self)
        var index = 0
        while index + 2 < characters.count {
            let character = characters[index]
            if (character == "\"" || character == "'") && characters[index + 1] == character && characters[index + 2] == character {
                places.append(index)
                index += 3
            } else {
                index += 1
            }
        }
        return places
    }
}
