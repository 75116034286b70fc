/// The listing of a folder of the site, as every loader reads it: an entry whose name is not
/// valid UTF-8 cannot be opened by name (nor linked to), so it is reported, with its bytes
/// escaped, and left out.
enum SourceFolder {
    /// The entries of `folder` (relative to `siteDirectory`), sorted by name; empty when it is not a folder.
    static func entries(_ folder: String, siteDirectory: String, fileSystem: FileSystem, log: DiagnosticLog) -> [FolderEntry] {
        let entries = (try? fileSystem.entries(joinPath(siteDirectory, folder))) ?? []
        return entries.filter { entry in
            guard let bytes = entry.undecodableName else { return true }
            let shown = escaped(bytes)
            log.error(SourceLocation(file: joinPath(folder, shown)), "file name is not valid UTF-8: \"\(shown)\" in \(folder)/",
                      hint: "rename it with a UTF-8 name (e.g. `convmv -f shift_jis -t utf-8 --notest`); Kairan cannot read or link it")
            return false
        }
    }

    /// `bytes` as text, each byte that is not part of valid UTF-8 written `\xHH`.
    static func escaped(_ bytes: [UInt8]) -> String {
        var result = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var index = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                result.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                index += encoded.count
            case .error(let length):
                for byte in bytes[index..<min(index + length, bytes.count)] {
                    result += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                }
                index += length
            case .emptyInput:
                return result
            }
        }
    }
}
