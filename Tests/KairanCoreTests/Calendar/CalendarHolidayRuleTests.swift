import Testing
@testable import KairanCore

/// Each holiday rule at its first year and at its edges.
@Suite struct CalendarHolidayRuleTests {
    private func name(_ iso: String) -> String? { JapaneseHolidays.holiday(on: calendarDay(iso))?.name }
    private func kind(_ iso: String) -> Holiday.Kind? { JapaneseHolidays.holiday(on: calendarDay(iso))?.kind }

    @Test func comingOfAgeDayMovesToSecondMondayIn2000() {
        #expect(name("1999-01-15") == "成人の日")
        #expect(name("2000-01-15") == nil)
        #expect(name("2000-01-10") == "成人の日")
        #expect(name("2026-01-12") == "成人の日")
    }

    @Test func nationalFoundationDayFrom1967() {
        #expect(name("1966-02-11") == nil)
        #expect(name("1967-02-11") == "建国記念の日")
    }

    @Test func respectForTheAgedAndSportsDaysFrom1966() {
        #expect(name("1965-09-15") == nil)
        #expect(name("1965-10-10") == nil)
        #expect(name("1966-09-15") == "敬老の日")
        #expect(name("1966-10-10") == "体育の日")
        #expect(name("2002-09-15") == "敬老の日")
        #expect(name("2003-09-15") == "敬老の日")  // The third Monday happened to be the 15th.
        #expect(name("2004-09-15") == nil)
        #expect(name("2004-09-20") == "敬老の日")
        #expect(name("1999-10-10") == "体育の日")
        #expect(name("2000-10-10") == nil)
        #expect(name("2000-10-09") == "体育の日")
        #expect(name("2019-10-14") == "体育の日")
        #expect(name("2022-10-10") == "スポーツの日")
    }

    @Test func marineDayFrom1996ThirdMondayFrom2003() {
        #expect(name("1995-07-20") == nil)
        #expect(name("1996-07-20") == "海の日")
        #expect(name("2002-07-20") == "海の日")
        #expect(name("2003-07-20") == nil)
        #expect(name("2003-07-21") == "海の日")
        #expect(name("2026-07-20") == "海の日")
    }

    @Test func mountainDayFrom2016() {
        #expect(name("2015-08-11") == nil)
        #expect(name("2016-08-11") == "山の日")
        #expect(name("2020-08-11") == nil)
        #expect(name("2021-08-11") == nil)
        #expect(name("2022-08-11") == "山の日")
    }

    @Test func olympicYearsMoveSportsMarineAndMountainDays() {
        #expect(name("2020-07-20") == nil)
        #expect(name("2020-10-12") == nil)
        #expect(name("2021-07-19") == nil)
        #expect(name("2021-10-11") == nil)
        #expect(name("2021-08-08") == "山の日")
        #expect(name("2021-08-09") == "振替休日")
    }

    @Test func aprilTwentyNinthAndMayFourth() {
        #expect(name("1988-04-29") == "天皇誕生日")
        #expect(name("1989-04-29") == "みどりの日")
        #expect(name("2006-04-29") == "みどりの日")
        #expect(name("2007-04-29") == "昭和の日")
        #expect(name("2006-05-04") == "国民の休日")
        #expect(name("2007-05-04") == "みどりの日")
    }

    @Test func emperorsBirthdayTransitions() {
        #expect(name("1988-12-23") == nil)
        #expect(name("1989-12-23") == "天皇誕生日")
        #expect(name("2018-12-23") == "天皇誕生日")
        #expect(name("2018-12-24") == "振替休日")
        #expect(name("2019-12-23") == nil)
        #expect(name("2019-02-23") == nil)
        #expect(JapaneseHolidays.holidays(in: 2019).allSatisfy { $0.name != "天皇誕生日" })
        #expect(name("2020-02-23") == "天皇誕生日")
        #expect(name("2020-02-24") == "振替休日")
        #expect(name("2026-02-23") == "天皇誕生日")
    }

    @Test func specialHolidays() {
        #expect(name("1959-04-10") == "皇太子明仁親王の結婚の儀")
        #expect(name("1989-02-24") == "昭和天皇の大喪の礼")
        #expect(name("1990-11-12") == "即位礼正殿の儀")
        #expect(name("1993-06-09") == "皇太子徳仁親王の結婚の儀")
        #expect(name("2019-05-01") == "天皇の即位の日")
        #expect(name("2019-10-22") == "即位礼正殿の儀")
        #expect(kind("2019-05-01") == .special)
        #expect(kind("2019-04-30") == .citizens)
        #expect(kind("2019-05-02") == .citizens)
    }

    @Test func substituteHolidaysStartOn1973April12() {
        #expect(name("1967-09-25") == nil)  // 秋分の日 on Sunday 1967-09-24, before the rule.
        #expect(name("1973-02-12") == nil)  // 建国記念の日 on Sunday 1973-02-11, before the law.
        #expect(name("1973-04-30") == "振替休日")  // The first one.
        #expect(kind("1973-04-30") == .substitute)
        #expect(name("1962-04-30") == nil)  // 天皇誕生日 on a Sunday before the rule.
    }

    @Test func substituteBefore2007IsOnlyTheNextDay() {
        // 2003-05-04 was a Sunday between two 祝日 before 2007: neither 国民の休日 nor a substitute.
        #expect(name("2003-05-04") == nil)
        #expect(name("2003-05-06") == nil)
        #expect(name("2006-01-02") == "振替休日")
        // 1987-05-03 Sunday: the Monday 5/4 is the substitute, not 国民の休日.
        #expect(name("1987-05-04") == "振替休日")
        #expect(name("1998-05-04") == "振替休日")
    }

    @Test func substituteFrom2007SkipsFollowingHolidays() {
        #expect(name("2007-04-30") == "振替休日")
        #expect(name("2008-05-06") == "振替休日")  // 5/4 Sunday → past こどもの日.
        #expect(name("2009-05-06") == "振替休日")  // 5/3 Sunday → past 5/4 and 5/5.
        #expect(name("2014-05-06") == "振替休日")
        #expect(name("2026-05-06") == "振替休日")
        #expect(name("2019-05-06") == "振替休日")
        #expect(name("2013-05-06") == "振替休日")  // こどもの日 itself on Sunday.
    }

    @Test func citizensHolidays() {
        #expect(name("1986-05-04") == nil)  // Sunday.
        #expect(name("1988-05-04") == "国民の休日")  // The first one.
        #expect(name("1991-05-04") == "国民の休日")  // Saturday: not excluded before 2007.
        #expect(name("1992-05-04") == "振替休日")
        #expect(name("1997-05-04") == nil)  // Sunday.
        #expect(name("2009-09-22") == "国民の休日")
        #expect(name("2015-09-22") == "国民の休日")
        #expect(name("2026-09-22") == "国民の休日")
        #expect(name("2032-09-21") == "国民の休日")
        #expect(kind("2026-09-22") == .citizens)
        #expect(name("2020-09-22") == "秋分の日")
    }

    @Test func citizensHolidaysAfter2007OnlyInSilverWeekAnd2019() {
        let citizens = JapaneseHolidays.holidays(from: calendarDay("2007-01-01"), to: calendarDay("2099-12-31"))
            .filter { $0.kind == .citizens }
        for holiday in citizens where holiday.date.year != 2019 {
            #expect(holiday.date.month == 9 && holiday.date.weekday == 2, "\(holiday)")
        }
        let firstFive: [String] = citizens.prefix(5).map { $0.date.iso }
        #expect(firstFive == ["2009-09-22", "2015-09-22", "2019-04-30", "2019-05-02", "2026-09-22"])
    }

    @Test func weekdaysOfSubstituteHolidays() {
        // Before 2007 every substitute is a Monday; afterwards it may be later in the week.
        for holiday in JapaneseHolidays.holidays(from: calendarDay("1955-01-01"), to: calendarDay("2006-12-31"))
        where holiday.kind == .substitute {
            #expect(holiday.date.weekday == 1, "\(holiday)")
        }
        for holiday in JapaneseHolidays.holidays(from: calendarDay("2007-01-01"), to: calendarDay("2099-12-31"))
        where holiday.kind == .substitute {
            #expect((1...3).contains(holiday.date.weekday), "\(holiday)")
        }
    }
}
