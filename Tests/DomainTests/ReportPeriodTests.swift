import Domain
import Testing

@Suite("Report periods and the period they are compared with")
struct ReportPeriodTests {
    func day(_ text: String) -> Day { Day(text)! }

    @Test func aYearIsComparedWithTheYearBefore() {
        let year = ReportPeriod.year(of: day("2023-08-08"))
        #expect(year.from.description == "2023-01-01" && year.to.description == "2023-12-31" && year.days == 365)
        #expect(year.previous.from.description == "2022-01-01" && year.previous.to.description == "2022-12-31")
        #expect(year.months.count == 12 && year.months.first == "2023-01" && year.months.last == "2023-12")
    }

    @Test func aYearSoFarIsComparedWithTheSameDaysLastYear() throws {
        let soFar = try #require(ReportPeriod(from: day("2024-01-01"), to: day("2024-02-29")))
        #expect(soFar.previous.from.description == "2023-01-01" && soFar.previous.to.description == "2023-02-28")
    }

    @Test func anyOtherPeriodWithAsManyDaysJustBefore() throws {
        let march = try #require(ReportPeriod(from: day("2024-03-01"), to: day("2024-03-31")))
        #expect(march.days == 31)
        #expect(march.previous.from.description == "2024-01-30" && march.previous.to.description == "2024-02-29")
        let oneDay = try #require(ReportPeriod(from: day("2023-08-08"), to: day("2023-08-08")))
        #expect(oneDay.previous.from.description == "2023-08-07" && oneDay.previous.days == 1)
    }

    @Test func backwardsOrEndlessPeriodsAreRefused() {
        #expect(ReportPeriod(from: day("2023-08-08"), to: day("2023-08-07")) == nil)
        #expect(ReportPeriod(from: day("2023-08-08"), to: day("2040-01-01")) == nil)
        #expect(ReportPeriod(from: day("0001-01-01"), to: day("0001-12-31")) == nil)
        #expect(ReportPeriod(from: day("9999-01-01"), to: day("9999-12-31")) == nil)
    }
}
