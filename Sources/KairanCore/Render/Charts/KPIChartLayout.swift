/// The geometry of a `KPIChartSVG`: the plot rectangle, the date and value scales, and the
/// month labels of the x axis.
struct KPIChartLayout {
    let width: Double
    let height: Double
    let left = 56.0
    let top = 24.0
    let right: Double
    let bottom: Double
    let startDay: Int
    let endDay: Int
    let ticks: ChartTicks

    /// A layout for dates `start…end` and values (data and thresholds) `values` measured with
    /// `decimals` decimals (ticks are never finer than that).
    init(width: Int, height: Int, start: CivilDate, end: CivilDate, values: [Double], decimals: Int = 4) {
        self.width = Double(width)
        self.height = Double(height)
        right = Double(width) - 110
        bottom = Double(height) - 34
        endDay = end.daysSinceEpoch
        startDay = min(start.daysSinceEpoch, endDay - 1)
        ticks = ChartTicks(low: values.min() ?? 0, high: values.max() ?? 1, minimumStep: ChartTicks.power(-max(decimals, 0)))
    }

    func x(_ date: CivilDate) -> Double {
        left + Double(date.daysSinceEpoch - startDay) / Double(endDay - startDay) * (right - left)
    }

    func y(_ value: Double) -> Double {
        let span = ticks.upper - ticks.lower
        return bottom - (value - ticks.lower) / (span == 0 ? 1 : span) * (bottom - top)
    }

    /// `4月`, `5月`, … at the first day of each month in range, thinned to every 2nd, 3rd, 6th or
    /// 12th month (aligned to January) when they would be closer than 32 units; when no month
    /// starts in range, the first and last dates as `11/3`. `year` is set on the first label and
    /// on each January when the range spans more than one calendar year.
    func monthLabels() -> [(x: Double, text: String, year: Int?)] {
        let start = CivilDate(daysSinceEpoch: startDay)
        let end = CivilDate(daysSinceEpoch: endDay)
        var months: [CivilDate] = []
        var year = start.year
        var month = start.month
        if start.day != 1 { (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1) }
        while let first = CivilDate(year: year, month: month, day: 1), first <= end {
            months.append(first)
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        guard !months.isEmpty else {
            return [(x(start), "\(start.month)/\(start.day)", nil), (x(end), "\(end.month)/\(end.day)", nil)]
        }
        let perMonth = (right - left) * 30.44 / Double(endDay - startDay)
        let stride = [1, 2, 3, 6, 12].first { Double($0) * perMonth >= 32 } ?? 12
        let spansYears = start.year != end.year
        return months.filter { ($0.month - 1) % stride == 0 }.enumerated().map { index, first in
            (x(first), "\(first.month)月", spansYears && (index == 0 || first.month == 1) ? first.year : nil)
        }
    }
}
