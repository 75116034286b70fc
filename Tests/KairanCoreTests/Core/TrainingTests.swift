import Testing
@testable import KairanCore

@Suite struct TrainingTests {
    static var site: [String: String] {
        var files = TestSupport.smallSite
        files["site/site.yaml"] = TestSupport.siteYAML + """

            schedule:
              closures:
                - preset: year-end
              items:
                - {id: office-hours, title: オフィスアワー, kind: office-hours, rule: weekly thu, time: "14:00", duration: 60, audience: customers, url: "https://example.com/booking"}
                - {id: release, title: 定期リリース, kind: release, rule: monthly 2nd tue, time: "10:00", policy: next, audience: public}
                - {id: standup, title: 朝会, kind: review, rule: daily, time: "9:30", duration: 15, audience: internal}
            """
        files["site/content/training/programs/onboarding.md"] = """
            ---
            title: オンボーディング
            sessions:
              - {title: キックオフ, minutes: 60, topics: [概要]}
              - {title: ハンズオン, minutes: 120}
            ---
            [ログイン](../../kb/start/login.md)を先に読んでください。
            """
        files["site/content/training/events/office-hours.md"] = "---\ntitle: オフィスアワー\nsummary: 個別相談\n---\n予約制です。\n"
        files["site/content/training/materials/manual.md"] = "---\ntitle: 操作マニュアル\nkind: manual\narticle: ../../kb/start/login.md\n---\n"
        return files
    }

    @Test func trainingPagesAndCalendarsGoToTheCustomersTree() async {
        let (result, fs) = await TestSupport.build(Self.site, date: "2026-12-20")
        #expect(!result.failed, "\(result.diagnostics)")
        let index = fs.text("out/customers/training/index.html") ?? ""
        #expect(index.contains("2026年12月24日（木）14:00〜15:00</time> オフィスアワー"))
        #expect(index.contains("<s><time datetime=\"2026-12-31\">2026年12月31日（木）14:00〜15:00</time> オフィスアワー</s>（休み: 年末年始休業）"))
        let program = fs.text("out/customers/training/programs/onboarding/index.html") ?? ""
        #expect(program.contains("合計3時間"))
        #expect(program.contains("href=\"https://help.example.com/kb/start/login/\""))
        let materials = fs.text("out/customers/training/materials/index.html") ?? ""
        #expect(materials.contains("href=\"https://help.example.com/kb/start/login/\""))
        let ics = fs.text("out/customers/training/events.ics") ?? ""
        #expect(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=TH"))
        #expect(ics.contains("EXDATE;TZID=Asia/Tokyo:20261231T140000"))
        #expect(ics.contains("DTSTAMP:20261219T150000Z"))
        #expect(!ics.contains("朝会"), "internal events never reach a customer calendar")
        #expect(fs.text("out/customers/training/events/office-hours.ics") != nil)
        #expect(fs.paths.allSatisfy { !$0.hasPrefix("out/public/training") })
    }

    @Test func eventPageWithoutScheduleItemIsAnError() async {
        var files = Self.site
        files["site/content/training/events/mystery.md"] = "---\ntitle: 謎\n---\n"
        let (result, _) = await TestSupport.build(files)
        #expect(result.diagnostics.contains { $0.location.file == "content/training/events/mystery.md" && $0.message.contains("no schedule item") })
    }

    @Test func newsletterOffItsBusinessDayIsAWarning() async {
        var files = Self.site
        files["site/site.yaml"] = files["site/site.yaml"]! + """

                - {id: newsletter, title: ニュースレター, kind: newsletter, rule: monthly business-day 1, time: "10:00", audience: public}
            """
        // January 2027: 1/1 is 元日 and 1/2–1/3 fall in the year-end closure, so the first business day is the 4th.
        files["site/content/newsletters/2027-01.md"] = "---\ntitle: 1月号\ndate: 2027-01-01\n---\n"
        files["site/content/newsletters/2027-02.md"] = "---\ntitle: 2月号\ndate: 2027-02-01\n---\n"
        let (result, _) = await TestSupport.build(files)
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.location) == [SourceLocation(file: "content/newsletters/2027-01.md", line: 3, column: 7)])
        #expect(warnings.first?.message.contains("plans 2027年1月4日（月）") == true)
    }

    @Test func majorReleaseOffScheduleIsAWarning() async {
        var files = Self.site
        // 2026-08-11 is 山の日: the 2nd-Tuesday release moves to Wednesday the 12th.
        files["site/content/releases/a.md"] = "---\nversion: \"1.0.0\"\ndate: 2026-08-11\ntype: major\ntitle: A\n---\n"
        files["site/content/releases/b.md"] = "---\nversion: \"1.1.0\"\ndate: 2026-09-08\ntype: major\ntitle: B\n---\n"
        let (result, _) = await TestSupport.build(files)
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count == 1)
        #expect(warnings.first?.location.file == "content/releases/a.md")
        #expect(warnings.first?.message.contains("plans 2026年8月12日（水）") == true)
    }
}
