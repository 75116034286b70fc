/// The shape of a `KPIChartSVG`: the wide chart for screens from 40rem, with threshold labels
/// right of the plot, or the compact one for phones, drawn at about the size it is shown (360
/// units across a 358 px column at 390 px), with its text at 13 units and the thresholds in a
/// legend under the plot. Text must be at least 11 CSS px where each form is shown
/// (`Tests/validate/chart_text_check.py` measures it in Chromium).
public enum KPIChartForm: String, Hashable, Sendable {
    case wide, compact

    var width: Int { self == .wide ? 640 : 360 }
    var height: Int { self == .wide ? 240 : 288 }
    /// The font size of every label, in viewBox units.
    var fontSize: Int { self == .wide ? 12 : 13 }
    var left: Double { self == .wide ? 56 : 46 }
    var top: Double { self == .wide ? 24 : 34 }
    /// Room right of the plot: the wide form's threshold labels.
    var rightMargin: Double { self == .wide ? 132 : 12 }
    /// Room under the plot: month and year labels, and the compact form's legend (two rows).
    var bottomMargin: Double { self == .wide ? 34 : 82 }
    /// The least distance between month labels.
    var monthSpacing: Double { self == .wide ? 32 : 40 }
    /// Whether thresholds are named in a legend under the plot instead of beside their lines.
    var hasLegend: Bool { self == .compact }
}

/// The geometry of a `KPIChartSVG`: the plot rectangle, the date and value scales, and the
/// month labels of the x axis.
struct KPIChartLayout {
    let width: Double
    let height: Double
    let left: Double
    let top: Double
    let right: Double
    let bottom: Double
    let startDay: Int
    let endDay: Int
    let ticks: ChartTicks
    let monthSpacing: Double

    /// A layout for dates `start…end` and values (data and thresholds) `values` measured with
    /// `decimals` decimals (ticks are never finer than that).
    init(form: KPIChartForm = .wide, width: Int? = nil, height: Int? = nil, start: CivilDate, end: CivilDate, values: [Double],
         decimals: Int = 4) {
        let width = width ?? form.width
        let height = height ?? form.height
        self.width = Double(width)
        self.height = Double(height)
        left = form.left
        top = form.top
        right = Double(width) - form.rightMargin
        bottom = Double(height) - form.bottomMargin
        monthSpacing = form.monthSpacing
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
    /// 12th month (aligned to January) when they would be closer than `monthSpacing` units; when no month
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
        let stride = [1, 2, 3, 6, 12].first { Double($0) * perMonth >= monthSpacing } ?? 12
        let spansYears = start.year != end.year
        return months.filter { ($0.month - 1) % stride == 0 }.enumerated().map { index, first in
            (x(first), "\(first.month)月", spansYears && (index == 0 || first.month == 1) ? first.year : nil)
        }
    }
}
