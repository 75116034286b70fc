import Testing
@testable import KairanCore

/// Image sizes read from hand-made headers of each format, and the parser held to never crash or
/// hang on a truncated or lying file.
@Suite struct ImageSizeTests {
    static func be16(_ value: Int) -> [UInt8] { [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }
    static func be32(_ value: Int) -> [UInt8] { be16(value >> 16) + be16(value & 0xFFFF) }
    static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    static func le24(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + [UInt8(value >> 16 & 0xFF)] }
    static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
    static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// PNG signature, IHDR of 3×2, 8-bit RGB, and the IEND chunk.
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(13) + ascii("IHDR") + be32(3) + be32(2)
        + [8, 2, 0, 0, 0] + [0, 0, 0, 0] + be32(0) + ascii("IEND") + [0xAE, 0x42, 0x60, 0x82]

    static let gif87: [UInt8] = ascii("GIF87a") + le16(640) + le16(480) + [0x80, 0, 0]
    static let gif89: [UInt8] = ascii("GIF89a") + le16(1) + le16(65535) + [0, 0, 0, 0x3B]

    /// A JPEG segment: marker, big-endian length (counting itself), payload.
    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] { [0xFF, marker] + be16(payload.count + 2) + payload }
    static func frame(_ marker: UInt8, width: Int, height: Int) -> [UInt8] {
        segment(marker, [8] + be16(height) + be16(width) + [3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1])
    }

    /// Baseline: SOI, APP0 JFIF, a DQT, SOF0 of 800×600, then the scan.
    static let baseline: [UInt8] = [0xFF, 0xD8] + segment(0xE0, ascii("JFIF") + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        + segment(0xDB, [0] + [UInt8](repeating: 1, count: 64)) + frame(0xC0, width: 800, height: 600) + segment(0xDA, [1, 1, 0, 0, 63, 0])

    /// An EXIF APP1 segment (big- or little-endian TIFF) whose IFD0 holds Orientation, padded to `padding` bytes.
    static func exif(orientation: Int, little: Bool, padding: Int = 0) -> [UInt8] {
        let u16 = little ? le16 : be16
        let u32 = little ? le32 : be32
        let tiff: [UInt8] = ascii(little ? "II" : "MM") + u16(42) + u32(8) + u16(2)
            + u16(0x010F) + u16(2) + u32(4) + ascii("Cam\0")
            + u16(0x0112) + u16(3) + u32(1) + u16(orientation) + u16(0) + u32(0)
        return segment(0xE1, ascii("Exif") + [0, 0] + tiff + [UInt8](repeating: 0, count: padding))
    }

    /// Progressive (SOF2) after a 40 KB EXIF segment, an ICC APP2 and fill bytes before the frame marker.
    static func progressive(orientation: Int) -> [UInt8] {
        [0xFF, 0xD8] + exif(orientation: orientation, little: true, padding: 40_000) + segment(0xE2, ascii("ICC_PROFILE") + [0, 1, 1])
            + [0xFF, 0xFF] + frame(0xC2, width: 1024, height: 768) + segment(0xDA, [1, 1, 0, 0, 63, 0])
    }

    static let vp8: [UInt8] = {
        let data: [UInt8] = [0x9D, 0x01, 0x00] + [0x9D, 0x01, 0x2A] + le16(400) + le16(300 | 0x4000) + [0, 0]
        return ascii("RIFF") + le32(4 + 8 + data.count) + ascii("WEBP") + ascii("VP8 ") + le32(data.count) + data
    }()

    static let vp8l: [UInt8] = {
        // width − 1 = 1999, height − 1 = 999, packed in 14 bits each.
        let bits = 1999 | (999 << 14)
        let data: [UInt8] = [0x2F] + le32(bits) + [0, 0, 0]
        return ascii("RIFF") + le32(4 + 8 + data.count) + ascii("WEBP") + ascii("VP8L") + le32(data.count) + data
    }()

    static let vp8x: [UInt8] = {
        let data: [UInt8] = [0x10, 0, 0, 0] + le24(4095) + le24(2159)
        return ascii("RIFF") + le32(4 + 8 + data.count) + ascii("WEBP") + ascii("VP8X") + le32(data.count) + data
    }()

    static func size(_ width: Int, _ height: Int) -> ImageSize.Reading { .size(ImageSize(width: width, height: height)) }

    @Test func png() { #expect(ImageSize.read(Self.png) == Self.size(3, 2)) }

    @Test func gif() {
        #expect(ImageSize.read(Self.gif87) == Self.size(640, 480))
        #expect(ImageSize.read(Self.gif89) == Self.size(1, 65535))
    }

    @Test func jpegBaselineAndProgressiveAfterLeadingSegments() {
        #expect(ImageSize.read(Self.baseline) == Self.size(800, 600))
        #expect(ImageSize.read(Self.progressive(orientation: 1)) == Self.size(1024, 768))
    }

    @Test func jpegTurnedByItsExifOrientation() {
        // Orientations 5–8 are shown turned a quarter: browsers lay them out with sides swapped.
        #expect(ImageSize.read(Self.progressive(orientation: 6)) == Self.size(768, 1024))
        #expect(ImageSize.read(Self.progressive(orientation: 3)) == Self.size(1024, 768))
        let bigEndian = [0xFF, 0xD8] + Self.exif(orientation: 8, little: false) + Self.frame(0xC1, width: 30, height: 20)
        #expect(ImageSize.read(bigEndian) == Self.size(20, 30))
    }

    @Test func webp() {
        #expect(ImageSize.read(Self.vp8) == Self.size(400, 300))
        #expect(ImageSize.read(Self.vp8l) == Self.size(2000, 1000))
        #expect(ImageSize.read(Self.vp8x) == Self.size(4096, 2160))
    }

    @Test func svgSizes() {
        func svg(_ text: String) -> ImageSize.Reading { ImageSize.read(Self.ascii(text)) }
        #expect(svg(#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"></svg>"#) == Self.size(120, 80))
        #expect(svg("<?xml version=\"1.0\"?>\n<!-- 図 -->\n<!DOCTYPE svg>\n<svg viewBox=\"0 0 640 400\"/>") == Self.size(640, 400))
        #expect(svg(#"<svg width="300px" viewBox="0,0,600,200">"#) == Self.size(300, 100))
        #expect(svg(#"<svg height='50' viewBox="0 0 100 25">"#) == Self.size(200, 50))
        #expect(svg(#"<svg width="10.6" height="4.4">"#) == Self.size(11, 4))
        #expect(svg("\u{FEFF}  <svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\" width=\"5\" height=\"6\">") == Self.size(5, 6))
        // The size depends on the page, or is not there: no size.
        #expect(svg(#"<svg width="100%" height="100%">"#) == .unknown)
        #expect(svg(#"<svg width="10em" height="4em">"#) == .unknown)
        #expect(svg(#"<svg viewBox="0 0 0 10">"#) == .unknown)
        #expect(svg(#"<svg width="-3" height="4">"#) == .unknown)
        #expect(svg(#"<html><svg width="1" height="1"></svg></html>"#) == .unknown)
        #expect(svg("plain text") == .unknown)
        #expect(svg(#"<svg width="12" height="#) == .truncated)
    }

    @Test func unknownAndLyingHeaders() {
        #expect(ImageSize.read([]) == .unknown)
        #expect(ImageSize.read(Self.ascii("%PDF-1.7")) == .unknown)
        // A PNG claiming 0×0, or larger than any real image.
        var zero = Self.png
        zero.replaceSubrange(16..<24, with: Self.be32(0) + Self.be32(0))
        #expect(ImageSize.read(zero) == .unknown)
        var huge = Self.png
        huge.replaceSubrange(16..<20, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(ImageSize.read(huge) == .unknown)
        // A JPEG segment whose length is under 2 would never advance: no size.
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01, 0, 0]) == .unknown)
        // A length past the end: the header goes on beyond what was read.
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF, 0, 0]) == .truncated)
        // The scan before any frame header.
        #expect(ImageSize.read([0xFF, 0xD8] + Self.segment(0xDA, [1, 2, 3])) == .unknown)
        // An EXIF directory claiming 65,535 entries in a segment that holds two (neither the orientation).
        var lying = Self.exif(orientation: 6, little: true)
        lying[18] = 0xFF
        lying[19] = 0xFF
        lying[32] = 0x99
        #expect(ImageSize.read([0xFF, 0xD8] + lying + Self.frame(0xC0, width: 4, height: 3)) == Self.size(4, 3))
        #expect(ImageSize.read(Self.ascii("RIFF") + Self.le32(4) + Self.ascii("WAVE")) == .unknown)
    }

    static var fixtures: [[UInt8]] {
        [png, gif87, gif89, baseline, progressive(orientation: 6), vp8, vp8l, vp8x,
         ascii("<?xml version=\"1.0\"?><svg width=\"3\" height=\"4\" viewBox=\"0 0 3 4\"></svg>")]
    }

    /// Every prefix of every fixture: the true size, `.truncated` or `.unknown`, never a crash.
    @Test func everyTruncationIsSafe() {
        for fixture in Self.fixtures {
            guard case .size(let full) = ImageSize.read(fixture) else {
                Issue.record("fixture has no size")
                continue
            }
            for length in 0..<fixture.count {
                let reading = ImageSize.read(Array(fixture.prefix(length)))
                if case .size(let size) = reading, size != full { Issue.record("prefix \(length) read as \(size), not \(full)") }
            }
        }
    }

    /// Bytes changed at random (fixed seed): the parser always returns, with a size in range when it finds one.
    @Test func mutatedHeadersNeverCrashOrHang() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 1_000_003)
        }
        for fixture in Self.fixtures {
            for _ in 0..<400 {
                var bytes = Array(fixture.prefix(min(fixture.count, 200)))
                for _ in 0..<(1 + next() % 4) where !bytes.isEmpty { bytes[next() % bytes.count] = UInt8(next() % 256) }
                if case .size(let size) = ImageSize.read(bytes) {
                    #expect((1...ImageSize.maximum).contains(size.width) && (1...ImageSize.maximum).contains(size.height))
                }
            }
        }
    }

    // MARK: - Reading files

    /// Sizes are read through the site's file system: a link that leads out of the site reads
    /// nothing (and is the one containment error); a link inside works; each file is read once.
    @Test func sizesAreReadInsideTheSiteOnly() throws {
        let memory = MemoryFileSystem()
        try memory.write("outside/secret.png", Self.png)
        try memory.write("site/content/kb/a/real.png", Self.png)
        try memory.createSymbolicLink("site/content/kb/a/escape.png", to: "../../../../outside/secret.png")
        try memory.createSymbolicLink("site/content/kb/a/alias.png", to: "real.png")
        let files = SiteFileSystem(base: memory, root: "site")
        let sizes = ImageSizes(files: files, root: "site")
        #expect(sizes.size(of: "content/kb/a/escape.png") == nil)
        #expect(files.escapedPaths == ["content/kb/a/escape.png"])
        #expect(sizes.size(of: "content/kb/a/alias.png") == ImageSize(width: 3, height: 2))
        #expect(sizes.size(of: "content/kb/a/missing.png") == nil)
        // Cached: the file's later bytes are not read again within the build.
        try memory.write("site/content/kb/a/real.png", Self.gif87)
        #expect(sizes.size(of: "content/kb/a/real.png") == ImageSize(width: 640, height: 480))
        #expect(sizes.size(of: "content/kb/a/alias.png") == ImageSize(width: 3, height: 2))
    }

    /// A JPEG whose frame header lies past the first 64 KB (a large EXIF thumbnail) is read further.
    @Test func aJPEGWithLargeLeadingSegmentsIsReadFurther() throws {
        let memory = MemoryFileSystem()
        let big = [0xFF, 0xD8] + Self.exif(orientation: 1, little: false, padding: 65_000)
            + Self.segment(0xE1, [UInt8](repeating: 7, count: 30_000)) + Self.frame(0xC0, width: 4000, height: 3000)
        try memory.write("site/photo.jpg", big)
        #expect(ImageSize.read(Array(big.prefix(ImageSizes.headerBytes))) == .truncated)
        #expect(ImageSizes(files: SiteFileSystem(base: memory, root: "site"), root: "site").size(of: "photo.jpg") == ImageSize(width: 4000, height: 3000))
    }

    // MARK: - The <img> tags of rendered Markdown

    static let three = ImageSize(width: 3, height: 2)

    static func complete(_ html: String, eagerLead: Bool = false) -> String {
        ImageAttributes.complete(html, sources: ["/kb/a/図.png": "content/kb/a/図.png"], eagerLead: eagerLead) { source in
            source == "content/kb/a/図.png" ? three : nil
        }.html
    }

    @Test func imgTagsGetSizeLazyLoadingAndAsyncDecoding() {
        #expect(Self.complete(#"<p><img src="/kb/a/%E5%9B%B3.png" alt="図" /></p>"#)
            == #"<p><img src="/kb/a/%E5%9B%B3.png" alt="図" width="3" height="2" loading="lazy" decoding="async" /></p>"#)
        // An image the site does not hold (or cannot read) gets no size, only the loading hints.
        #expect(Self.complete(#"<img src="https://example.com/x.png" alt="">"#)
            == #"<img src="https://example.com/x.png" alt="" loading="lazy" decoding="async">"#)
    }

    @Test func attributesTheWriterGaveWin() {
        #expect(Self.complete(#"<img src="/kb/a/図.png" width="120" loading="eager">"#)
            == #"<img src="/kb/a/図.png" width="120" loading="eager" decoding="async">"#)
        #expect(Self.complete(#"<img src="/kb/a/図.png" height="9" decoding="sync" loading="lazy">"#)
            == #"<img src="/kb/a/図.png" height="9" decoding="sync" loading="lazy">"#)
    }

    @Test func leadImageOfAnArticleLoadsAtOnce() {
        let html = #"<p><img src="/kb/a/図.png" alt="" /></p><h2>手順</h2><p><img src="/kb/a/図.png" alt="" /></p>"#
        #expect(Self.complete(html, eagerLead: true)
            == #"<p><img src="/kb/a/図.png" alt="" width="3" height="2" decoding="async" /></p><h2>手順</h2><p><img src="/kb/a/図.png" alt="" width="3" height="2" loading="lazy" decoding="async" /></p>"#)
        // After a heading the first image is no lead: lazy.
        #expect(Self.complete(#"<h2>a</h2><img src="/kb/a/図.png">"#, eagerLead: true)
            == #"<h2>a</h2><img src="/kb/a/図.png" width="3" height="2" loading="lazy" decoding="async">"#)
    }
}
