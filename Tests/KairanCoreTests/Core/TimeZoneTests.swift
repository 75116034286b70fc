import Testing
@testable import KairanCore

/// Every offset Kairan writes is Japan's (+09:00): a site asking for another zone is an error at
/// its `timezone:` value, never silently written in the wrong zone.
@Suite struct TimeZoneTests {
    @Test(arguments: ["UTC", "America/New_York", "Asia/Seoul"])
    func anotherTimeZoneIsAnErrorAtItsValue(_ zone: String) async {
        var files = TestSupport.smallSite
        files["site/site.yaml"] = TestSupport.siteYAML + "\ntimezone: \(zone)\n"
        let (result, _) = await TestSupport.build(files, write: false)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.description.hasPrefix("site.yaml:4:11: error: time zone \"\(zone)\" is not supported") == true, "\(errors)")
    }

    @Test func asiaTokyoIsAccepted() async {
        var files = TestSupport.smallSite
        files["site/site.yaml"] = TestSupport.siteYAML + "\ntimezone: Asia/Tokyo\n"
        let (result, _) = await TestSupport.build(files, write: false)
        #expect(!result.failed, "\(result.diagnostics)")
    }
}
