/// The sizes of the site's image files, each read once per build (pages render in parallel and
/// share one of these): through the site's file system, so a link out of the site reads nothing.
///
/// A file that cannot be read, or whose format is unknown, has no size, silently: the page
/// still renders, only without `width`/`height` (an image link that points nowhere is already
/// reported by link resolution).
public final class ImageSizes: Sendable {
    /// The bytes read first: every format's header but a JPEG with large leading segments fits.
    static let headerBytes = 64 * 1024
    /// The most read of a JPEG whose frame header lies further in (EXIF thumbnails, ICC profiles).
    static let largestHeader = 4 * 1024 * 1024

    private let files: FileSystem
    private let root: String
    private let cache = SharedMemo<String, ImageSize?>()

    /// - Parameters: files: the site's file system; root: the site folder paths are relative to.
    public init(files: FileSystem, root: String) {
        self.files = files
        self.root = root
    }

    /// The size of the file at `source` (relative to the site: `content/kb/faq/images/a.png`).
    public func size(of source: String) -> ImageSize? {
        cache.value(of: source) { read(source) }
    }

    private func read(_ source: String) -> ImageSize? {
        let path = joinPath(root, source)
        guard let head = try? files.readPrefix(path, count: ImageSizes.headerBytes) else { return nil }
        switch ImageSize.read(head) {
        case .size(let size): return size
        case .unknown: return nil
        case .truncated:
            guard head.count == ImageSizes.headerBytes,
                  let more = try? files.readPrefix(path, count: ImageSizes.largestHeader),
                  case .size(let size) = ImageSize.read(more) else { return nil }
            return size
        }
    }
}
