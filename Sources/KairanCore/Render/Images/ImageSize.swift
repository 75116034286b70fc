/// The intrinsic size of an image in CSS pixels, read from the first bytes of its file: PNG,
/// JPEG (baseline and progressive, after any EXIF or other leading segments, turned by the EXIF
/// orientation as browsers show it), GIF, WebP (VP8, VP8L, VP8X) and SVG (`width`/`height` in
/// px or unitless, else the `viewBox`).
///
/// Parsing is defensive: every read is bounds-checked, every loop advances through the bytes it
/// was given, and a size of 0 or beyond ``maximum`` is no size. A truncated, lying or unknown file
/// gives `.truncated` or `.unknown`, never a crash or a hang.
public struct ImageSize: Sendable, Equatable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)×\(height)" }

    /// The largest side accepted (JPEG's own limit is 65,535; WebP's 16,384).
    public static let maximum = 1 << 20

    /// What the bytes say.
    public enum Reading: Sendable, Equatable {
        case size(ImageSize)
        /// A known format whose header goes on past the bytes given.
        case truncated
        /// Not an image format read here, or a header that contradicts itself.
        case unknown
    }

    /// Reads the size from a file's first bytes.
    public static func read(_ bytes: [UInt8]) -> Reading {
        let data = ImageBytes(bytes)
        if data.matches([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], at: 0) { return png(data) }
        if data.matches([0xFF, 0xD8], at: 0) { return jpeg(data) }
        if data.matches(Array("GIF87a".utf8), at: 0) || data.matches(Array("GIF89a".utf8), at: 0) { return gif(data) }
        if data.matches(Array("RIFF".utf8), at: 0) {
            guard bytes.count >= 12 else { return .truncated }
            return data.matches(Array("WEBP".utf8), at: 8) ? webp(data) : .unknown
        }
        return SVGSize.read(bytes)
    }

    /// A size when both sides are in range.
    static func checked(_ width: Int, _ height: Int) -> Reading {
        guard (1...maximum).contains(width), (1...maximum).contains(height) else { return .unknown }
        return .size(ImageSize(width: width, height: height))
    }

    // MARK: - Formats

    /// The IHDR chunk comes first: width and height at bytes 16 and 20, big-endian.
    private static func png(_ data: ImageBytes) -> Reading {
        guard let width = data.uint32BE(16), let height = data.uint32BE(20) else { return .truncated }
        guard data.matches(Array("IHDR".utf8), at: 12) else { return .unknown }
        return checked(width, height)
    }

    /// The logical screen's width and height at bytes 6 and 8, little-endian.
    private static func gif(_ data: ImageBytes) -> Reading {
        guard let width = data.uint16LE(6), let height = data.uint16LE(8) else { return .truncated }
        return checked(width, height)
    }

    /// The first chunk after `RIFF....WEBP` says which kind of bitstream follows.
    private static func webp(_ data: ImageBytes) -> Reading {
        guard data.count >= 16 else { return .truncated }
        if data.matches(Array("VP8 ".utf8), at: 12) {
            // A key frame: 3 bytes of frame tag, the start code 9D 01 2A, then 14-bit width and height.
            guard let width = data.uint16LE(26), let height = data.uint16LE(28) else { return .truncated }
            guard data.matches([0x9D, 0x01, 0x2A], at: 23) else { return .unknown }
            return checked(width & 0x3FFF, height & 0x3FFF)
        }
        if data.matches(Array("VP8L".utf8), at: 12) {
            // The signature 0x2F, then width − 1 and height − 1 in 14 bits each, least significant first.
            guard let bits = data.uint32LE(21), let signature = data.byte(20) else { return .truncated }
            guard signature == 0x2F else { return .unknown }
            return checked((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        }
        if data.matches(Array("VP8X".utf8), at: 12) {
            // Flags and reserved bytes, then the canvas's width − 1 and height − 1 in 24 bits each.
            guard let width = data.uint24LE(24), let height = data.uint24LE(27) else { return .truncated }
            return checked(width + 1, height + 1)
        }
        return .unknown
    }

    /// Walks the segments from the start of the file to the first start-of-frame (SOF0–SOF15 but
    /// DHT, JPG and DAC), noting the EXIF orientation on the way (5–8 show the image turned).
    private static func jpeg(_ data: ImageBytes) -> Reading {
        var position = 2
        var turned = false
        while true {
            // Fill bytes (FF FF …) may stand before a marker.
            guard let first = data.byte(position) else { return .truncated }
            guard first == 0xFF else { return .unknown }
            var markerAt = position + 1
            while data.byte(markerAt) == 0xFF { markerAt += 1 }
            guard let marker = data.byte(markerAt) else { return .truncated }
            position = markerAt + 1
            // Markers without a length: TEM, RST0–7, a stray SOI.
            if marker == 0x01 || (0xD0...0xD8).contains(marker) { continue }
            // The end of the image or the scan data before any frame header: nothing to read.
            if marker == 0xD9 || marker == 0xDA || marker == 0x00 { return .unknown }
            guard let length = data.uint16BE(position) else { return .truncated }
            guard length >= 2 else { return .unknown }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                guard let height = data.uint16BE(position + 3), let width = data.uint16BE(position + 5) else { return .truncated }
                return turned ? checked(height, width) : checked(width, height)
            }
            if marker == 0xE1, data.matches(Array("Exif".utf8) + [0, 0], at: position + 2) {
                let end = min(position + length, data.count)
                if let orientation = exifOrientation(data, tiff: position + 8, end: end) { turned = (5...8).contains(orientation) }
            }
            position += length
        }
    }

    /// The Orientation tag (0x0112) of IFD0 in the TIFF structure at `tiff` (bounded by `end`).
    private static func exifOrientation(_ data: ImageBytes, tiff: Int, end: Int) -> Int? {
        let little: Bool
        if data.matches(Array("II".utf8), at: tiff) { little = true }
        else if data.matches(Array("MM".utf8), at: tiff) { little = false }
        else { return nil }
        func u16(_ at: Int) -> Int? { at + 2 <= end ? (little ? data.uint16LE(at) : data.uint16BE(at)) : nil }
        func u32(_ at: Int) -> Int? { at + 4 <= end ? (little ? data.uint32LE(at) : data.uint32BE(at)) : nil }
        guard u16(tiff + 2) == 42, let offset = u32(tiff + 4) else { return nil }
        let directory = tiff + offset
        guard offset >= 8, let count = u16(directory) else { return nil }
        // At most the entries the segment holds: a lying count cannot walk past it.
        for entry in 0..<min(count, 1024) {
            let at = directory + 2 + entry * 12
            guard let tag = u16(at) else { return nil }
            if tag == 0x0112 { return u16(at + 8) }
        }
        return nil
    }
}

/// Bounds-checked reads of a file's first bytes: every accessor answers nil past the end.
struct ImageBytes {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var count: Int { bytes.count }

    func byte(_ at: Int) -> UInt8? { at >= 0 && at < bytes.count ? bytes[at] : nil }

    func matches(_ expected: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + expected.count <= bytes.count else { return false }
        for (index, byte) in expected.enumerated() where bytes[offset + index] != byte { return false }
        return true
    }

    private func value(_ at: Int, _ length: Int, bigEndian: Bool) -> Int? {
        guard at >= 0, at + length <= bytes.count else { return nil }
        var result = 0
        for index in 0..<length {
            let byte = Int(bytes[at + (bigEndian ? index : length - 1 - index)])
            result = result << 8 | byte
        }
        return result
    }

    func uint16BE(_ at: Int) -> Int? { value(at, 2, bigEndian: true) }
    func uint32BE(_ at: Int) -> Int? { value(at, 4, bigEndian: true) }
    func uint16LE(_ at: Int) -> Int? { value(at, 2, bigEndian: false) }
    func uint24LE(_ at: Int) -> Int? { value(at, 3, bigEndian: false) }
    func uint32LE(_ at: Int) -> Int? { value(at, 4, bigEndian: false) }
}
