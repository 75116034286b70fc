extension JapaneseDateFormat {
    /// `令和8年11月25日` (the first era year as `元年`); `nil` before 昭和.
    public static func era(_ date: CivilDate) -> String? {
        guard let eraYear = JapaneseEra.year(for: date) else { return nil }
        return "\(eraYear.display)\(date.month)月\(date.day)日"
    }

    /// `令和8年11月25日（水）`; `nil` before 昭和.
    public static func eraLong(_ date: CivilDate) -> String? {
        era(date).map { "\($0)（\(weekdaySymbols[date.weekday])）" }
    }
}
