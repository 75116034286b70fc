import CYaml
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the first YAML anchor (`&name`) or alias (`*name`) of a text, before Yams composes it.
///
/// Kairan's formats need neither, and aliases let a few lines expand into billions of nodes
/// ("billion laughs"); Yams resolves them while composing and hashing keys, so they are refused
/// first. Text without any `&` or `*` byte (nearly every file) is passed by two `memchr`s; other
/// text goes through libyaml's scanner, which tells an anchor from an `&` inside a string.
enum YAMLAnchors {
    /// An anchor or alias and where it is (1-based line, column in characters).
    struct Found: Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    /// The first anchor or alias of `yaml`, or nil; text the scanner rejects is left to Yams' errors.
    static func first(in yaml: String) -> Found? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> Found? in
            guard let base = bytes.baseAddress, bytes.count > 0,
                  memchr(base, Int32(UInt8(ascii: "&")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "*")), bytes.count) != nil
            else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, base, bytes.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var token = yaml_token_t()
            while yaml_parser_scan(&parser, &token) == 1 {
                defer { yaml_token_delete(&token) }
                let name: UnsafeMutablePointer<yaml_char_t>?
                let sigil: String
                switch token.type {
                case YAML_ANCHOR_TOKEN: (name, sigil) = (token.data.anchor.value, "&")
                case YAML_ALIAS_TOKEN: (name, sigil) = (token.data.alias.value, "*")
                case YAML_STREAM_END_TOKEN: return nil
                default: continue
                }
                let text = sigil + (name.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) } ?? "")
                return Found(text: text, line: Int(token.start_mark.line) + 1, column: Int(token.start_mark.column) + 1)
            }
            return nil
        }
    }
}
