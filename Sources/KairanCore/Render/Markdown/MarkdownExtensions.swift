import CCmarkGFM
import CCmarkGFMSetup
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cmark-gfm syntax extensions Kairan attaches, and the one-time setup that makes parsing
/// with them safe on many threads.
///
/// cmark-gfm is not thread-safe as it comes: its extensions' special inline characters live in
/// one process-wide table that every `cmark_parser_finish` switches on and off again, so a page
/// finishing on one thread switched strikethrough and autolinks off in the middle of another
/// page's parse. `prepare()` switches them on once and disables the per-parse switching (see
/// `CCmarkGFMSetup`); where the platform does not allow that, parses are serialised instead.
enum MarkdownExtensions {
    /// Extensions every parser attaches.
    static let alwaysAttached = ["table", "strikethrough", "autolink", "tasklist"]
    /// Attached as well when raw HTML is kept.
    static let rawHTMLFilter = "tagfilter"

    /// Whether `cmark_parser_finish` must be serialised (the per-parse switching is still active).
    private static let serialised: Bool = {
        let names = alwaysAttached + [rawHTMLFilter]
        let copies = names.map { UnsafePointer(strdup($0)) }
        defer { copies.forEach { free(UnsafeMutablePointer(mutating: $0)) } }
        let safe = copies.withUnsafeBufferPointer { kairan_cmark_gfm_setup($0.baseAddress, Int32(names.count)) }
        return !safe
    }()

    private static let finishLock = Mutex(())

    /// Registers the extensions and makes parsing thread-safe. The build calls it once before
    /// any parallel work; later calls return at once.
    static func prepare() { _ = serialised }

    /// Attaches Kairan's extensions to `parser`.
    static func attach(to parser: OpaquePointer, tagfilter: Bool) {
        prepare()
        for name in alwaysAttached { attach(name, to: parser) }
        if tagfilter { attach(rawHTMLFilter, to: parser) }
    }

    private static func attach(_ name: String, to parser: OpaquePointer) {
        if let syntaxExtension = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntaxExtension) }
    }

    /// `cmark_parser_finish`, serialised where the per-parse switching could not be disabled.
    static func finish(_ parser: OpaquePointer) -> OpaquePointer? {
        if serialised {
            let address = finishLock.withLock { _ in Int(bitPattern: cmark_parser_finish(parser)) }
            return OpaquePointer(bitPattern: address)
        }
        return cmark_parser_finish(parser)
    }

    /// Whether parses run in parallel without a lock (for tests and `--verbose`).
    static var parallelSafeWithoutLock: Bool { !serialised }
}
