/// The boundary of a `multipart/alternative` body, derived from the message's content so a
/// rebuild of the same email writes the same bytes.
///
/// It starts with `=_`: neither `=_` nor `_` ever occurs in Base64, so the boundary cannot occur
/// in the (Base64) bodies; the `=` makes the `boundary` parameter need quotes, which it gets.
enum MIMEBoundary {
    static func boundary(for parts: [[UInt8]]) -> String {
        // Two 64-bit FNV-1a hashes with different offsets: stable, quick, and no Foundation.
        var first: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x8422_2325_CBF2_9CE4
        for part in parts {
            for byte in part {
                first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            first = (first ^ 0xFF) &* 0x0000_0100_0000_01B3
            second = (second ^ 0xFE) &* 0x0000_0100_0000_01B3
        }
        func hex(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return "=_kairan_" + hex(first) + hex(second)
    }
}
