import Testing
@testable import KairanCore

/// The quick test before the container scan: any `:::` in the text, wherever it is.
@Suite struct ContainerFenceScanTests {
    @Test(arguments: [
        ("", false), (":", false), ("::", false), (":::", true), ("a:::", true), (":::b", true),
        ("a::b::c", false), ("時刻 10:30、比率 1:2::", false), ("前\n::: tip 注意\n本文\n:::\n", true),
        ("：：：", false), ("::::", true), ("x: y: z::", false), ("末尾は::", false), ("末尾は:::", true),
    ])
    func findsThreeColonsInARow(_ text: String, _ expected: Bool) {
        #expect(ContainerFences.mayHaveFence(text) == expected)
    }
}
