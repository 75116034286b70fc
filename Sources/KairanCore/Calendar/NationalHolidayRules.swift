/// The 国民の祝日 of one year as 国民の祝日に関する法律 and its amendments set them, plus the
/// one-off special holidays; substitute and citizens' holidays are derived from these later.
enum NationalHolidayRules {
    /// The 国民の祝日 and special holidays of `year`, sorted by date.
    static func statutory(in year: Int) -> [Holiday] {
        var list: [Holiday] = []
        func add(_ month: Int, _ day: Int, _ name: String, _ kind: Holiday.Kind = .national) {
            list.append(Holiday(date: CivilDate(clampingYear: year, month: month, day: day), name: name, kind: kind))
        }
        func addMonday(_ n: Int, _ month: Int, _ name: String) {
            if let date = CivilDate.nthWeekday(n, weekday: 1, month: month, year: year) {
                list.append(Holiday(date: date, name: name, kind: .national))
            }
        }

        add(1, 1, "元日")
        if year <= 1999 { add(1, 15, "成人の日") } else { addMonday(2, 1, "成人の日") }
        if year >= 1967 { add(2, 11, "建国記念の日") }
        if year >= 2020 { add(2, 23, "天皇誕生日") }
        add(3, Equinox.vernalDay(year), "春分の日")
        add(4, 29, year <= 1988 ? "天皇誕生日" : year <= 2006 ? "みどりの日" : "昭和の日")
        add(5, 3, "憲法記念日")
        if year >= 2007 { add(5, 4, "みどりの日") }
        add(5, 5, "こどもの日")
        addMarineDay(year, add: add, addMonday: addMonday)
        addMountainDay(year, add: add)
        if (1966...2002).contains(year) { add(9, 15, "敬老の日") } else if year >= 2003 { addMonday(3, 9, "敬老の日") }
        add(9, Equinox.autumnalDay(year), "秋分の日")
        addSportsDay(year, add: add, addMonday: addMonday)
        add(11, 3, "文化の日")
        add(11, 23, "勤労感謝の日")
        if (1989...2018).contains(year) { add(12, 23, "天皇誕生日") }
        for special in specialHolidays where special.year == year {
            add(special.month, special.day, special.name, .special)
        }
        return list.sorted { $0.date < $1.date }
    }

    /// 海の日: 7/20 from 1996, third Monday of July from 2003; Olympic moves in 2020 and 2021.
    private static func addMarineDay(
        _ year: Int, add: (Int, Int, String, Holiday.Kind) -> Void, addMonday: (Int, Int, String) -> Void
    ) {
        switch year {
        case ..<1996: return
        case 1996...2002: add(7, 20, "海の日", .national)
        case 2020: add(7, 23, "海の日", .national)
        case 2021: add(7, 22, "海の日", .national)
        default: addMonday(3, 7, "海の日")
        }
    }

    /// 山の日: 8/11 from 2016; Olympic moves to 8/10 in 2020 and 8/8 in 2021.
    private static func addMountainDay(_ year: Int, add: (Int, Int, String, Holiday.Kind) -> Void) {
        switch year {
        case ..<2016: return
        case 2020: add(8, 10, "山の日", .national)
        case 2021: add(8, 8, "山の日", .national)
        default: add(8, 11, "山の日", .national)
        }
    }

    /// 体育の日: 10/10 from 1966, second Monday of October from 2000; renamed スポーツの日 in
    /// 2020, moved to 7/24 in 2020 and 7/23 in 2021 for the Olympics.
    private static func addSportsDay(
        _ year: Int, add: (Int, Int, String, Holiday.Kind) -> Void, addMonday: (Int, Int, String) -> Void
    ) {
        switch year {
        case ..<1966: return
        case 1966...1999: add(10, 10, "体育の日", .national)
        case 2000...2019: addMonday(2, 10, "体育の日")
        case 2020: add(7, 24, "スポーツの日", .national)
        case 2021: add(7, 23, "スポーツの日", .national)
        default: addMonday(2, 10, "スポーツの日")
        }
    }

    /// One-off holidays set by their own laws. The 2019 days were deemed 国民の祝日, which is how
    /// 2019-04-30 and 2019-05-02 became 国民の休日; the others had no neighbouring holiday.
    private static let specialHolidays: [(year: Int, month: Int, day: Int, name: String)] = [
        (1959, 4, 10, "皇太子明仁親王の結婚の儀"),
        (1989, 2, 24, "昭和天皇の大喪の礼"),
        (1990, 11, 12, "即位礼正殿の儀"),
        (1993, 6, 9, "皇太子徳仁親王の結婚の儀"),
        (2019, 5, 1, "天皇の即位の日"),
        (2019, 10, 22, "即位礼正殿の儀"),
    ]
}
