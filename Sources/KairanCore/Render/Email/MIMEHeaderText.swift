/// Header fields as RFC 5322 and RFC 2047 want them: only ASCII, lines folded with CRLF + space
/// at 78 characters where a fold is possible, non-ASCII text as `=?UTF-8?B?…?=` encoded words of
/// at most 75 characters that each hold whole characters, and nothing from data that could end
/// a field early (CR and LF become spaces).
enum MIMEHeaderText {
    /// The longest encoded word (RFC 2047 §2).
    static let maxEncodedWord = 75
    /// The line length folding aims for (RFC 5322 §2.1.1).
    static let foldColumn = 78

    /// `text` on one line: CR, LF and tabs as spaces, runs of spaces as one, forbidden characters
    /// left out, no spaces at the ends.
    static func singleLine(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                pendingSpace = !result.isEmpty
                continue
            }
            if ForbiddenCharacter.isForbidden(scalar) { continue }
            if pendingSpace { result += " " }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// `text` (ASCII, no white space or controls, no `<>`) for inside `<…>`: everything else left
    /// out, non-ASCII bytes percent-encoded.
    static func angleAddress(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "<"), byte != UInt8(ascii: ">") {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else if byte >= 0x80 {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return result
    }

    /// Whether `text` can be written as it is: printable ASCII, short, and not looking like an encoded word.
    static func isPlain(_ text: String, maxLength: Int) -> Bool {
        text.utf8.count <= maxLength && !text.contains("=?") && text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// `text` as encoded words: the first at most `firstLength` characters long, the others at most 75.
    /// Words end at character (grapheme) boundaries, or between scalars inside a character too
    /// long for one word, never inside a UTF-8 sequence.
    static func encodedWords(_ text: String, firstLength: Int = maxEncodedWord) -> [String] {
        // `=?UTF-8?B?` + `?=` take 12 characters; 4 Base64 characters carry 3 bytes.
        func capacity(_ length: Int) -> Int { max(4, (length - 12) / 4 * 3) }
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = capacity(firstLength)
        func flush() {
            guard !chunk.isEmpty else { return }
            words.append("=?UTF-8?B?" + String(decoding: Base64.encode(chunk), as: UTF8.self) + "?=")
            chunk = []
            limit = capacity(maxEncodedWord)
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count <= limit {
                chunk += bytes
                continue
            }
            flush()
            if bytes.count <= limit {
                chunk = bytes
                continue
            }
            for scalar in character.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                if chunk.count + scalarBytes.count > limit { flush() }
                chunk += scalarBytes
            }
        }
        flush()
        return words
    }

    /// A display name as a phrase (RFC 5322 §3.2.5): atoms, a quoted string, or encoded words.
    static func phrase(_ name: String, firstLength: Int) -> [String] {
        let name = singleLine(name)
        guard !name.isEmpty else { return [] }
        if isPlain(name, maxLength: 64) {
            let atext = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-/=?^_`{|}~ ".utf8)
            if name.utf8.allSatisfy(atext.contains) { return name.split(separator: " ").map(String.init) }
            var quoted = "\""
            for character in name {
                if character == "\"" || character == "\\" { quoted += "\\" }
                quoted.append(character)
            }
            return [quoted + "\""]
        }
        return encodedWords(name, firstLength: firstLength)
    }

    /// One header field: `name: ` and `tokens` separated by spaces, folded before a token that
    /// would pass column 78 (never before the first), ended by CRLF.
    static func field(_ name: String, _ tokens: [String]) -> String {
        var text = name + ":"
        var column = text.utf8.count
        for (index, token) in tokens.enumerated() {
            let length = token.utf8.count
            if index > 0, column + 1 + length > foldColumn {
                text += "\r\n " + token
                column = 1 + length
            } else {
                text += " " + token
                column += 1 + length
            }
        }
        return text + "\r\n"
    }

    /// A `Subject`-like unstructured field.
    static func unstructured(_ name: String, _ value: String) -> String {
        let value = singleLine(value)
        let first = foldColumn - name.utf8.count - 2
        if isPlain(value, maxLength: first) { return field(name, [value]) }
        return field(name, encodedWords(value, firstLength: min(maxEncodedWord, first)))
    }

    /// An address-list field (`From`, `To`, …): each mailbox `phrase <address>` (or the bare address), separated by commas.
    static func addressList(_ name: String, _ mailboxes: [EmailMailbox]) -> String {
        var tokens: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            let first = index == 0 ? foldColumn - name.utf8.count - 2 : maxEncodedWord
            var words = phrase(mailbox.name, firstLength: min(maxEncodedWord, first))
            // A bare address is written as it is; after a display name, in angle brackets.
            words.append(words.isEmpty ? mailbox.address.text : "<" + mailbox.address.text + ">")
            if index < mailboxes.count - 1 { words[words.count - 1] += "," }
            tokens += words
        }
        return field(name, tokens)
    }
}
