/// Dates written as date-times (Hugo writes `date: 2024-05-01T10:00:00+09:00`), and why a
/// `YYYY-MM-DD` text is not a day.
extension CivilDate {
    /// The site's zone (Asia/Tokyo, the only one) in minutes east of UTC.
    static let siteZoneMinutes = 9 * 60

    /// The day of a date-time in the site's time zone: `YYYY-MM-DD` then `T`, `t` or a space,
    /// `HH:MM`, optional `:SS` and fraction, optional `Z` or `±HH:MM`. Without a zone the time is
    /// the site's; with one, the instant is moved into the site's zone (`2024-05-01T23:30:00Z` is
    /// 2024-05-02 in Japan). Nil for anything else.
    init?(dateTimeInSiteZone text: String) {
        let characters = Array(text)
        guard characters.count >= 16, ["T", "t", " "].contains(characters[10]),
              let day = CivilDate(iso: String(characters[0..<10])) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count, characters[range].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(String(characters[range]))
        }
        guard let hour = number(11..<13), characters[13] == ":", let minute = number(14..<16), hour < 24, minute < 60 else { return nil }
        var index = 16
        if index < characters.count, characters[index] == ":" {
            guard let second = number(17..<19), second <= 60 else { return nil }
            index = 19
            if index < characters.count, characters[index] == "." {
                index += 1
                let start = index
                while index < characters.count, characters[index].isASCII, characters[index].isNumber { index += 1 }
                guard index > start else { return nil }
            }
        }
        var offset: Int?
        if index < characters.count {
            if characters[index] == "Z" || characters[index] == "z" {
                offset = 0
                index += 1
            } else if characters[index] == "+" || characters[index] == "-" {
                guard let hours = number((index + 1)..<(index + 3)), index + 3 < characters.count, characters[index + 3] == ":",
                      let minutes = number((index + 4)..<(index + 6)), hours < 24, minutes < 60 else { return nil }
                offset = (hours * 60 + minutes) * (characters[index] == "-" ? -1 : 1)
                index += 6
            }
        }
        guard index == characters.count else { return nil }
        let local = hour * 60 + minute + (offset.map { CivilDate.siteZoneMinutes - $0 } ?? 0)
        let shift = local >= 0 ? local / 1440 : -((-local + 1439) / 1440)
        self = day.adding(days: shift)
    }

    /// Why `text`, shaped `YYYY-MM-DD…`, names no day (`November 2026 has 30 days`); nil when it
    /// is a day or not shaped so.
    static func dayProblem(_ text: String) -> String? {
        let characters = Array(text.prefix(10))
        guard characters.count == 10, characters[4] == "-", characters[7] == "-",
              let year = Int(String(characters[0..<4])), let month = Int(String(characters[5..<7])),
              let day = Int(String(characters[8..<10])), CivilDate(year: year, month: month, day: day) == nil else { return nil }
        guard (1...12).contains(month) else { return "there is no month \(month)" }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(names[month - 1]) \(year) has \(CivilDate.daysIn(month: month, year: year)) days"
    }
}
