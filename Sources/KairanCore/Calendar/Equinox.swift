/// The day of the month of the vernal (March) and autumnal (September) equinoxes, by the
/// standard approximation formulas fitted to the National Astronomical Observatory's tables
/// (valid 1900–2099). Computed in fixed point (millionths of a day) so no float rounding.
enum Equinox {
    /// The March day of 春分 in `year` (1900–2099).
    static func vernalDay(_ year: Int) -> Int {
        day(base1980: 20_843_100, base1900: 20_835_700, year: year)
    }

    /// The September day of 秋分 in `year` (1900–2099).
    static func autumnalDay(_ year: Int) -> Int {
        day(base1980: 23_248_800, base1900: 23_258_800, year: year)
    }

    /// int(base + 0.242194 × (Y − 1980) − int((Y − L) / 4)), L = 1980 from 1980 on, 1983 before.
    /// Swift's `/` truncates toward zero, as the formula's `int` does for negative quotients.
    private static func day(base1980: Int, base1900: Int, year: Int) -> Int {
        let modern = year >= 1980
        let base = modern ? base1980 : base1900
        let leapShift = (year - (modern ? 1980 : 1983)) / 4
        let micro = base + 242_194 * (year - 1980) - 1_000_000 * leapShift
        return micro / 1_000_000
    }
}
