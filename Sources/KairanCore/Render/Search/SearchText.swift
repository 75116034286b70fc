import Foundation

/// The search's one rule for text, shared with the browser client (`templates/assets/search.js`):
/// both sides normalise and split text the same way, checked by one file of test vectors
/// (`Tests/search/vectors.json`) that the Swift and the JavaScript suites read.
///
/// The rule, in order:
/// 1. Text is read in pieces: a character with the marks that follow it (combining marks,
///    U+3099/U+309A and half-width ﾞ/ﾟ), so ｶﾞ is one piece.
/// 2. Each piece is normalised with NFKC (full-width ASCII, half-width katakana, ㈱ → (株)) and
///    lower-cased.
/// 3. A long vowel mark ー that ends a katakana word (after a katakana letter, not followed by
///    one or by another ー) is dropped: サーバー and サーバ are one word (also in サーバーの設定),
///    スーパー and スパ stay apart.
/// 4. Katakana is folded to hiragana (ァ–ヶ, ヽヾ); dakuten stay (か ≠ が).
/// 5. The result is split into tokens: each Japanese character (kanji, kana, ー, 々, hangul) is a
///    token; a run of other letters and digits is one Latin word; anything else (spaces,
///    punctuation, symbols) separates tokens and leaves a gap in their positions, so nothing
///    matches across it.
public enum SearchText {
    /// One token of normalised text and its position (gaps mark separators).
    public struct Token: Sendable, Equatable {
        public enum Value: Sendable, Equatable, Hashable {
            /// A Japanese character (after folding), by its scalar value.
            case character(UInt32)
            /// A Latin word (letters and digits, lower-cased).
            case word(String)
        }
        public var value: Value
        public var position: Int
    }

    /// The tokens of `text`, positions counted from 0.
    public static func tokens(_ text: String) -> [Token] {
        var tokenizer = Tokenizer()
        tokenizer.feed(text)
        tokenizer.finish()
        return tokenizer.tokens
    }

    /// Splits text into tokens incrementally: feeding pieces one after another gives the tokens
    /// of their concatenation. Tokens are kept compact (the index reads thousands of pages):
    /// `values[i]` is a Japanese character's scalar, or `wordFlag | n` for `words[n]`;
    /// `codes[i]` is `position << 2 | field`, the field being what `field` was when it was made.
    struct Tokenizer {
        static let wordFlag: UInt32 = 0x8000_0000
        private(set) var values: [UInt32] = []
        private(set) var codes: [UInt32] = []
        /// The distinct words, in order of first appearance.
        private(set) var words: [String] = []
        private var wordNumbers: [String: UInt32] = [:]
        /// The field (0 body, 1 heading, 2 title) given to the tokens fed from now on.
        var field: UInt32 = 0
        /// The position the next token gets.
        private(set) var position: UInt32 = 0
        private var word = String.UnicodeScalarView()
        private var wordField: UInt32 = 0
        /// A separator was seen since the last token.
        private var gap = false
        /// The previous normalised scalar (for the ー rule) and whether a ー is held until the next one.
        private var previous: UInt32 = 0
        private var pendingLongVowel = false
        private var pendingField: UInt32 = 0
        /// What NFKC and lower-casing make of single characters met so far (`multiple`: more than
        /// one character): most text repeats a few full-width symbols（）：！ thousands of times.
        /// `reset` keeps it from one page to the next.
        private var known: [UInt32: UInt32] = [:]
        private static let multiple: UInt32 = 0xFFFF_FFFF
        /// `SearchText.classes`, held so the loop reads it without a global access per character.
        private let classes = SearchText.classes
        /// `feedPlainRun`'s buffer: a run's values, then its codes (kept by `reset`).
        private var scratch: [UInt32] = []

        var count: Int { values.count }

        /// Empties the tokenizer for the next text, keeping its buffers and what it learnt (`known`):
        /// a fresh tokenizer given the old one's storage, so every other field starts as new.
        mutating func reset() {
            var fresh = Tokenizer()
            swap(&fresh.known, &known)
            swap(&fresh.scratch, &scratch)
            swap(&fresh.values, &values)
            swap(&fresh.codes, &codes)
            swap(&fresh.words, &words)
            swap(&fresh.wordNumbers, &wordNumbers)
            fresh.values.removeAll(keepingCapacity: true)
            fresh.codes.removeAll(keepingCapacity: true)
            fresh.words.removeAll(keepingCapacity: true)
            fresh.wordNumbers.removeAll(keepingCapacity: true)
            self = fresh
        }

        /// The tokens as values (for tests and `normalized`).
        var tokens: [Token] {
            zip(values, codes).map { value, code in
                Token(value: value & Tokenizer.wordFlag != 0 ? .word(words[Int(value & ~Tokenizer.wordFlag)]) : .character(value),
                      position: Int(code >> 2))
            }
        }

        /// Adds `text`.
        mutating func feed(_ text: String) {
            var text = text
            text.withUTF8 { feed(utf8: $0) }
        }

        private static let noScalar: UInt32 = 0xFFFF_FFFF

        /// Adds valid UTF-8 (a string's), decoded here: the index feeds megabytes of text.
        mutating func feed(utf8 bytes: UnsafeBufferPointer<UInt8>) {
            // A piece is a scalar and the marks after it; most pieces are one stable scalar.
            var base = Self.noScalar
            var marks = String.UnicodeScalarView()
            var index = 0
            let count = bytes.count
            while index < count {
                if base != Self.noScalar, marks.isEmpty, isPlain(base), !pendingLongVowel, word.isEmpty {
                    // A run of plain characters, written in one go (nearly all Japanese text).
                    index = feedPlainRun(bytes, from: index, base: &base)
                    if index >= count { break }
                }
                let lead = bytes[index]
                var value = UInt32(lead)
                if lead < 0x80 {
                    index += 1
                } else if lead < 0xE0, index + 1 < count {
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    index += 2
                } else if lead < 0xF0, index + 2 < count {
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                    index += 3
                } else if index + 3 < count {
                    value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    index += 4
                } else {
                    break  // not reached: a string's UTF-8 is whole
                }
                if base != Self.noScalar, !cannotBeMark(value), SearchText.isMark(value), let mark = Unicode.Scalar(value) {
                    marks.append(mark)
                    continue
                }
                if base != Self.noScalar { emit(base, marks: &marks) }
                base = value
            }
            if base != Self.noScalar { emit(base, marks: &marks) }
        }

        /// Writes `base` and the plain characters after it (`isPlain`) from `start` on, exactly as
        /// `emit` would one by one, while each is followed by a character that cannot be a mark;
        /// returns where it stopped, `base` then being the piece still to settle. Called only
        /// when nothing is pending (no marks, no held ー, no word). Writes at most `runLength`
        /// tokens a call, so its buffer stays small whatever the page's size.
        private mutating func feedPlainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, base: inout UInt32) -> Int {
            let room = Self.runLength
            // The buffer is taken out of `self` while the loop (which reads `self`) writes it.
            var buffer: [UInt32] = []
            swap(&buffer, &scratch)
            defer { swap(&buffer, &scratch) }
            if buffer.count < 2 * room { buffer = [UInt32](repeating: 0, count: 2 * room) }
            var index = start, current = base, last = previous
            var position = self.position, gap = self.gap
            let field = self.field, count = bytes.count
            let cannotBeMark = SearchText.cannotBeMarkClass
            let written = classes.withUnsafeBufferPointer { classes in buffer.withUnsafeMutableBufferPointer { scratch -> Int in
                var written = 0
                while written < room, index < count {
                    // `current` is settled once the next character is known not to be a mark.
                    let lead = bytes[index]
                    var next: UInt32, length: Int
                    if lead < 0x80 {
                        next = UInt32(lead)
                        length = 1
                    } else if lead & 0xF0 == 0xE0, index + 2 < count {
                        next = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        length = 3
                        guard classes[Int(next)] & cannotBeMark != 0 else { break }
                    } else {
                        break
                    }
                    if gap { position += 1; gap = false }
                    scratch[written] = SearchText.foldKana(current)
                    scratch[room + written] = position << 2 | field
                    written += 1
                    position += 1
                    last = current
                    index += length
                    current = next
                    // Three-byte scalars are below U+10000: `classes` holds them.
                    guard SearchText.isPlain(next, classBits: classes[Int(next)]) else { break }
                }
                return written
            } }
            if written > 0 {
                buffer.withUnsafeBufferPointer { scratch in
                    values.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<written]))
                    codes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[room..<(room + written)]))
                }
                previous = last
                self.position = position
                self.gap = gap
            }
            base = current
            return index
        }

        /// The most tokens `feedPlainRun` writes a call.
        private static let runLength = 4096

        /// Plain: a Japanese character that NFKC, lower-casing and the ー rule leave as it is
        /// (ー itself is not plain); `emit` only folds its kana.
        @inline(__always)
        private func isPlain(_ value: UInt32) -> Bool {
            value < 0x10000 && SearchText.isPlain(value, classBits: classes[Int(value)])
        }

        // The character classes below, read from `classes` for the BMP.
        @inline(__always)
        private func cannotBeMark(_ value: UInt32) -> Bool {
            value < 0x10000 && classes[Int(value)] & SearchText.cannotBeMarkClass != 0
        }

        @inline(__always)
        private func isStable(_ value: UInt32) -> Bool {
            value < 0x10000 && classes[Int(value)] & SearchText.stableClass != 0
        }

        @inline(__always)
        private func isJapanese(_ value: UInt32) -> Bool {
            value < 0x10000 ? classes[Int(value)] & SearchText.japaneseClass != 0 : SearchText.isJapanese(value)
        }

        /// Ends the text: a pending word or long vowel mark is settled.
        mutating func finish() {
            settleLongVowel(next: 0x20)
            endWord()
        }

        @inline(__always)
        private mutating func emit(_ value: UInt32, marks: inout String.UnicodeScalarView) {
            if marks.isEmpty {
                if isStable(value) {
                    normalized(SearchText.lowercasedASCII(value))
                    return
                }
                if let mapped = known[value], mapped != Tokenizer.multiple {
                    normalized(mapped)
                    return
                }
            }
            normalizing(value, marks: &marks)
        }

        /// `emit`'s slow path, NFKC and lower-casing through a string; kept out of line so the
        /// fast path stays small (inlined, its Unicode property look-ups cost every call).
        @inline(never)
        private mutating func normalizing(_ value: UInt32, marks: inout String.UnicodeScalarView) {
            guard let base = Unicode.Scalar(value) else { return }  // not reached: decoded from a string
            var piece = String.UnicodeScalarView()
            piece.append(base)
            piece.append(contentsOf: marks)
            marks = String.UnicodeScalarView()
            let text = String(piece).precomposedStringWithCompatibilityMapping.lowercased()
            if marks.isEmpty, piece.count == 1 {
                let scalars = text.unicodeScalars
                known[base.value] = scalars.count == 1 ? scalars.first.map(\.value) ?? Tokenizer.multiple : Tokenizer.multiple
            }
            for scalar in text.unicodeScalars { normalized(scalar.value) }
        }

        /// One scalar after NFKC and lower-casing: the ー rule, kana folding, tokenising.
        @inline(__always)
        private mutating func normalized(_ value: UInt32) {
            if pendingLongVowel { settleLongVowel(next: value) }
            if value == 0x30FC, SearchText.isKatakanaLetter(previous) {
                pendingLongVowel = true  // decided by what follows
                pendingField = field
                previous = value
                return
            }
            previous = value
            classify(value, field: field)
        }

        /// A held ー is kept when `next` is a katakana letter or another ー, dropped otherwise.
        private mutating func settleLongVowel(next: UInt32) {
            guard pendingLongVowel else { return }
            pendingLongVowel = false
            if SearchText.isKatakanaLetter(next) || next == 0x30FC { classify(0x30FC, field: pendingField) }
        }

        @inline(__always)
        private mutating func classify(_ value: UInt32, field: UInt32) {
            if isJapanese(value) {
                endWord()
                if gap { position += 1; gap = false }
                values.append(SearchText.foldKana(value))
                codes.append(position << 2 | field)
                position += 1
            } else if SearchText.isWordCharacter(value), let scalar = Unicode.Scalar(value) {
                if word.isEmpty {
                    if gap { position += 1; gap = false }
                    wordField = field
                }
                word.append(scalar)
            } else {
                endWord()
                if !values.isEmpty { gap = true }
            }
        }

        private mutating func endWord() {
            guard !word.isEmpty else { return }
            let text = String(word)
            let number: UInt32
            if let known = wordNumbers[text] { number = known } else {
                number = UInt32(words.count)
                wordNumbers[text] = number
                words.append(text)
            }
            values.append(Tokenizer.wordFlag | number)
            codes.append(position << 2 | wordField)
            position += 1
            word = String.UnicodeScalarView()
        }
    }

    /// The normalised form of `text` as a string: its tokens in order, one space at each gap
    /// (`ＶＵＥの設定` → `vueの設定`). A query occurs in a page when its normalised form occurs in
    /// the page's, where Latin words match whole words (see the README's search rule).
    public static func normalized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var last: Int?
        for token in tokens(text) {
            if let last, token.position > last + 1 { out.append(" ") }
            switch token.value {
            case .character(let value): if let scalar = Unicode.Scalar(value) { out.append(scalar) }
            case .word(let word): out.append(contentsOf: word.unicodeScalars)
            }
            last = token.position
        }
        return String(out)
    }

    // MARK: Character classes (the same ranges as the client's)

    static let cannotBeMarkClass: UInt8 = 1, stableClass: UInt8 = 2, japaneseClass: UInt8 = 4
    /// Stable and Japanese (`isPlain`).
    static let plainClass: UInt8 = stableClass | japaneseClass

    /// Whether a BMP scalar whose `classes` bits are `classBits` is plain: a Japanese character
    /// that NFKC, lower-casing and the ー rule leave as it is (ー itself is not plain). The one
    /// rule both of the tokenizer's paths read.
    @inline(__always)
    static func isPlain(_ value: UInt32, classBits: UInt8) -> Bool {
        classBits & plainClass == plainClass && value != 0x30FC
    }
    /// `cannotBeMark`, `isStable` and `isJapanese` of every BMP scalar as bits (the tokenizer
    /// reads one number per character instead of testing a dozen ranges).
    static let classes: [UInt8] = (0..<UInt32(0x10000)).map { value in
        (cannotBeMark(value) ? cannotBeMarkClass : 0) | (isStable(value) ? stableClass : 0) | (isJapanese(value) ? japaneseClass : 0)
    }

    /// Combining marks and the (half-width) voicing marks: they join the character before them.
    static func isMark(_ value: UInt32) -> Bool {
        if value == 0xFF9E || value == 0xFF9F || value == 0x3099 || value == 0x309A { return true }
        if value < 0x300 { return false }
        return isCombiningMark(value)
    }

    /// The general-category part of `isMark`, out of line (see `normalizing`).
    @inline(never)
    private static func isCombiningMark(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Kanji and kana letters: never marks (the check most characters take).
    static func cannotBeMark(_ value: UInt32) -> Bool {
        // Below U+0300, kanji, and the CJK symbols, kana and full-width forms around the
        // combining marks U+302A…302F, U+3099/309A and ﾞﾟ (U+FF9E/FF9F).
        value < 0x300 || (0x4E00...0x9FFF).contains(value) || (0x3000...0x3029).contains(value)
            || (0x3030...0x3098).contains(value) || (0x309B...0x30FF).contains(value) || (0xFF00...0xFF9D).contains(value)
    }

    /// Scalars NFKC and lower-casing leave as they are (apart from ASCII capitals, handled
    /// directly): the fast path for nearly all Japanese text.
    static func isStable(_ value: UInt32) -> Bool {
        value < 0x80 || (0x3041...0x3096).contains(value) || (0x30A1...0x30FA).contains(value) || value == 0x30FC
            || (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x3001...0x3002).contains(value) || (0x300C...0x300F).contains(value)
    }

    static func lowercasedASCII(_ value: UInt32) -> UInt32 {
        (0x41...0x5A).contains(value) ? value + 0x20 : value
    }

    /// Katakana letters (not ー).
    static func isKatakanaLetter(_ value: UInt32) -> Bool { (0x30A1...0x30FA).contains(value) }

    /// Characters indexed one by one: kanji, kana, ー, 々〆〇, hangul.
    static func isJapanese(_ value: UInt32) -> Bool {
        (0x3041...0x309F).contains(value) || (0x30A0...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value)
            || (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3FFFF).contains(value) || (0x3005...0x3007).contains(value)
            || (0xAC00...0xD7AF).contains(value) || (0x1100...0x11FF).contains(value) || (0x3130...0x318F).contains(value)
    }

    /// Letters, digits and marks that are not Japanese: parts of a Latin word.
    static func isWordCharacter(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value)
        }
        // CJK punctuation and brackets (U+3000…3004, 3008…3020), the most common non-Latin
        // separators, without a category lookup.
        if (0x3000...0x3004).contains(value) || (0x3008...0x3020).contains(value) { return false }
        return isLetterOrDigit(value)
    }

    /// The general-category part of `isWordCharacter`, out of line (see `normalizing`).
    @inline(never)
    private static func isLetterOrDigit(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default: return false
        }
    }

    /// Katakana → hiragana (ァ–ヶ and ヽヾ); everything else as it is.
    static func foldKana(_ value: UInt32) -> UInt32 {
        if (0x30A1...0x30F6).contains(value) || value == 0x30FD || value == 0x30FE { return value - 0x60 }
        return value
    }
}
