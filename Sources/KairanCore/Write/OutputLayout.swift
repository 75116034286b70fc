/// The names Kairan uses inside an output folder.
///
/// A build lives in one of two slots, `.kairan/a/` and `.kairan/b/`, each holding the audience
/// folders it produced; `.kairan/current` is a link to the live slot, and each audience entry of
/// the output folder is a link through it (`public -> .kairan/current/public`). Publishing a build
/// is one `rename` of a fresh `current` link over the old one, so a reader of `output/public/…`
/// sees the previous build or the new one, whatever happens to the process. The other slot keeps
/// the previous build until the next one is staged there, rewriting its files in place
/// (`ReusedSlot`).
struct OutputLayout: Sendable {
    /// The output folder's real path.
    let root: String

    /// The two slots; the build is staged in the one `current` does not name.
    static let slots = ["a", "b"]
    /// The marker's fixed text: the folder is Kairan's to manage.
    static let markerText = Array("This folder is written by `kairan build`; its audience folders are replaced on every build.\n".utf8)

    var kairan: String { joinPath(root, ".kairan") }
    var lock: String { joinPath(kairan, "lock") }
    var current: String { joinPath(kairan, "current") }
    /// The link that is renamed over `current` to publish a build.
    var nextCurrent: String { joinPath(kairan, "current.next") }
    var marker: String { joinPath(root, ".kairan-output") }
    var markerDraft: String { joinPath(root, ".kairan-output.kairan-new") }
    /// The staging folder of Kairan before slots; removed when found.
    var legacyStaging: String { joinPath(root, ".kairan-staging") }

    func slot(_ name: String) -> String { joinPath(kairan, name) }
    /// `output/public` and the like.
    func entry(_ audience: Audience) -> String { joinPath(root, audience.folder) }
    /// A new link made beside an entry and renamed over it (after an exchange, the old folder).
    func draft(_ audience: Audience) -> String { entry(audience) + ".kairan-new" }
    /// What an audience entry's link names.
    func linkTarget(_ audience: Audience) -> String { ".kairan/current/" + audience.folder }
}
