/// Derives 振替休日 (substitute holidays) and 国民の休日 (citizens' holidays) from a year's
/// 国民の祝日, with the rules in force on each date.
enum HolidayObservance {
    /// 1973-04-12: the amendment introducing 振替休日 took effect.
    static let substituteStart = CivilDate(clampingYear: 1973, month: 4, day: 12)
    /// 1985-12-27: the amendment introducing 国民の休日 took effect.
    static let citizensStart = CivilDate(clampingYear: 1985, month: 12, day: 27)
    /// 2007-01-01: the 2005 amendment (substitute moves past consecutive holidays) took effect.
    static let revision2007 = CivilDate(clampingYear: 2007, month: 1, day: 1)

    /// `statutory` plus its substitute and citizens' holidays, sorted by date.
    static func complete(_ statutory: [Holiday]) -> [Holiday] {
        let statutoryDates = Set(statutory.map(\.date))
        var result = statutory
        var taken = statutoryDates

        // 振替休日. Before 2007: "the next day" — lost when that day is itself a 祝日 (never
        // happened). From 2007: the nearest following day that is not a 国民の祝日.
        for holiday in statutory where holiday.date.weekday == 0 && holiday.date >= substituteStart {
            var day = holiday.date.adding(days: 1)
            if holiday.date >= revision2007 {
                while statutoryDates.contains(day) { day = day.adding(days: 1) }
            } else if statutoryDates.contains(day) {
                continue
            }
            if taken.insert(day).inserted {
                result.append(Holiday(date: day, name: "振替休日", kind: .substitute))
            }
        }

        // 国民の休日: a day whose previous and next days are both 国民の祝日. Before 2007 the
        // law excluded Sundays and 振替休日; from 2007 only days that are 祝日 themselves.
        for holiday in statutory {
            let day = holiday.date.adding(days: 1)
            guard day >= citizensStart, statutoryDates.contains(day.adding(days: 1)),
                  !taken.contains(day)
            else { continue }
            if day < revision2007 && day.weekday == 0 { continue }
            taken.insert(day)
            result.append(Holiday(date: day, name: "国民の休日", kind: .citizens))
        }
        return result.sorted { $0.date < $1.date }
    }
}
