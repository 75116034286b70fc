/// A moment as the email files write it: `2026-11-20T17:00:00+09:00` — Japan's offset, whole seconds.
///
/// Send times in `outbox.json` and delivery times in `mail-log.yaml` are read and written in this
/// one form; anything else (another offset, no seconds, `Z`) is refused, so two records never
/// name one moment two ways.
public struct MailTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// The moment of a clock (`--date`, `SOURCE_DATE_EPOCH` or the system's).
    public init(_ clock: BuildClock) { self.secondsSinceEpoch = clock.secondsSinceEpoch }

    /// Parses exactly `YYYY-MM-DDTHH:MM:SS+09:00` on a supported day; nil otherwise.
    public init?(text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 25, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              String(decoding: bytes[19...], as: UTF8.self) == "+09:00",
              let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              JapaneseHolidays.supportedDates.contains(date) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              hour < 24, minute < 60, second < 60 else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.secondsSinceEpoch = local - 9 * 3600
    }

    /// The day in Japan.
    public var date: CivilDate { BuildClock(secondsSinceEpoch: secondsSinceEpoch).today }

    /// `YYYY-MM-DDTHH:MM:SS+09:00`.
    public var text: String {
        let local = secondsSinceEpoch + 9 * 3600
        let seconds = Int(local - Int64(date.daysSinceEpoch) * 86_400)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(date.iso)T\(pad(seconds / 3600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))+09:00"
    }

    public var description: String { text }

    /// The moment `seconds` later (earlier when negative).
    public func adding(seconds: Int64) -> MailTime { MailTime(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    public static func < (lhs: MailTime, rhs: MailTime) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }
}
