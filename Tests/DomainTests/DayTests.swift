import Domain
import Testing

@Suite("Days as people write them")
struct DayTests {
    @Test func aDayIsTheISOTextAndNothingElse() {
        #expect(Day("2023-08-07") == Day(year: 2023, month: 8, day: 7))
        #expect(Day("2024-02-29") != nil, "a leap day")
        for text in ["2023-02-29", "2023-13-01", "2023-00-10", "2023-8-7", "23-08-07", "2023-08-07T17:00", " 2023-08-07",
                     "2023/08/07", "２０２３-08-07", "2023-0a-07", "", "-2023-08-0"] {
            #expect(Day(text) == nil, "\(text)")
        }
    }

    /// The reach index reads engagements' local start times ("2023-08-07T17:00") by their first ten characters.
    @Test func theStartOfALocalTimeIsItsDay() {
        #expect(Day.ofLocalTime("2023-08-07T17:00") == Day(year: 2023, month: 8, day: 7))
        #expect(Day.ofLocalTime("2023-08-07") == Day(year: 2023, month: 8, day: 7))
        #expect(Day.ofLocalTime("2023-08-0") == nil)
        #expect(Day.ofLocalTime("2023-02-30T09:00") == nil)
    }
}
