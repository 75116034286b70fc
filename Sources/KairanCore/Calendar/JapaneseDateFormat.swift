/// Japanese renderings of dates, as the site's UI text shows them.
public enum JapaneseDateFormat {
    /// 日, 月, … 土, indexed by `CivilDate.weekday`.
    public static let weekdaySymbols = ["日", "月", "火", "水", "木", "金", "土"]

    /// `2026年11月25日（水）`.
    public static func long(_ date: CivilDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日（\(weekdaySymbols[date.weekday])）"
    }

    /// `2026年11月25日`.
    public static func medium(_ date: CivilDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日"
    }

    /// `2026年11月`.
    public static func yearMonth(_ date: CivilDate) -> String { "\(date.year)年\(date.month)月" }
}
