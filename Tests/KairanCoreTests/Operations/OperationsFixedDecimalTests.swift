import Testing
@testable import KairanCore

/// Deterministic number text and nice chart ticks.
@Suite struct OperationsFixedDecimalTests {
    @Test func fixedDecimals() {
        #expect(FixedDecimal.format(3.14159, decimals: 2) == "3.14")
        #expect(FixedDecimal.format(2.5, decimals: 0) == "3")
        #expect(FixedDecimal.format(-2.5, decimals: 0) == "-3")
        #expect(FixedDecimal.format(0.05, decimals: 1) == "0.1")
        #expect(FixedDecimal.format(-0.04, decimals: 1) == "0.0")
        #expect(FixedDecimal.format(-0.0, decimals: 2) == "0.00")
        #expect(FixedDecimal.format(100, decimals: 2) == "100.00")
        #expect(FixedDecimal.format(1234567.891, decimals: 1) == "1234567.9")
        #expect(FixedDecimal.format(0.001, decimals: 3) == "0.001")
        #expect(FixedDecimal.format(-12.345, decimals: 4) == "-12.3450")
        #expect(FixedDecimal.format(.infinity, decimals: 1) == "∞")
        #expect(FixedDecimal.format(-.infinity, decimals: 1) == "-∞")
        #expect(FixedDecimal.format(.nan, decimals: 1) == "NaN")
    }

    @Test func trimmedAndSigned() {
        #expect(FixedDecimal.trimmed(4.50) == "4.5")
        #expect(FixedDecimal.trimmed(95) == "95")
        #expect(FixedDecimal.trimmed(-10) == "-10")
        #expect(FixedDecimal.trimmed(99.9) == "99.9")
        #expect(FixedDecimal.trimmed(0.1) == "0.1")
        #expect(FixedDecimal.signed(1.25, decimals: 1) == "+1.3")
        #expect(FixedDecimal.signed(-0.3, decimals: 1) == "-0.3")
        #expect(FixedDecimal.signed(0.01, decimals: 1) == "±0.0")
        #expect(FixedDecimal.signed(-0.01, decimals: 0) == "±0")
    }

    @Test func niceTicks() {
        let percent = ChartTicks(low: 55.1, high: 85)
        #expect(percent.values == [50, 60, 70, 80, 90])
        #expect(percent.decimals == 0)
        let small = ChartTicks(low: 0.027, high: 0.1)
        #expect(small.values == [0.02, 0.04, 0.06, 0.08, 0.1])
        #expect(small.decimals == 2)
        let quarter = ChartTicks(low: 4.0, high: 4.6)
        #expect(quarter.values.first == 4.0)
        #expect(quarter.values.last ?? 0 >= 4.6)
        let flat = ChartTicks(low: 0, high: 0)
        #expect(flat.values.first == 0)
        #expect(flat.values.count >= 2)
        let negative = ChartTicks(low: -12, high: 8)
        #expect(negative.values == [-15, -10, -5, 0, 5, 10])
        let quarterSteps = ChartTicks(low: 0, high: 10)
        #expect(quarterSteps.values == [0, 2.5, 5, 7.5, 10])
        #expect(quarterSteps.decimals == 1)
        let people = ChartTicks(low: 95, high: 178)
        #expect(people.values == [75, 100, 125, 150, 175, 200])
        #expect(people.decimals == 0)
        let hundredths = ChartTicks(low: 0, high: 1)
        #expect(hundredths.values == [0, 0.25, 0.5, 0.75, 1])
        #expect(hundredths.decimals == 2)
        let counts = ChartTicks(low: 0, high: 1, minimumStep: 1)
        #expect(counts.values == [0, 1])
        #expect(counts.decimals == 0)
    }
}
