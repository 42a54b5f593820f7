import Domain
import Foundation
import Testing

@Suite("Engagements: start times, head-counts, follow-ups, confidentiality")
struct EngagementRuleTests {
    @Test("a start is read as the clock where it happened", arguments: [
        ("2023-08-08T10:00", "2023-08-08T10:00"),
        ("2023-08-08 10:00", "2023-08-08T10:00"),
        ("2023-08-08T09:30:00", "2023-08-08T09:30"),
        ("2023-08-08", "2023-08-08T00:00"),
    ])
    func startsParse(text: String, expected: String) {
        #expect(LocalStart(text)?.description == expected)
    }

    @Test("nonsense starts are refused", arguments: ["", "8 August", "2023-08-08T25:00", "2023-02-30T10:00", "2023-08-08T10", "2023-08-08T1:00"])
    func badStarts(text: String) {
        #expect(LocalStart(text) == nil)
    }

    @Test func tenInTheMorningInMitrovicaIsEightUTCInSummer() throws {
        let start = try #require(LocalStart("2023-08-08T10:00"))
        let zone = try #require(LocalStart.zone(named: "Europe/Belgrade"))
        #expect(start.instant(in: zone) == Date(timeIntervalSince1970: 1_691_481_600))
        #expect(LocalStart.zone(named: "Mars/Olympus") == nil)
    }

    @Test func onlyOpenFollowUpsPastTheirDayAreOverdue() throws {
        let today = try #require(Day("2023-09-01"))
        #expect(FollowUpRule.isOverdue(status: .open, due: Day("2023-08-31"), today: today))
        #expect(!FollowUpRule.isOverdue(status: .open, due: Day("2023-09-01"), today: today))
        #expect(!FollowUpRule.isOverdue(status: .done, due: Day("2023-08-01"), today: today))
        #expect(!FollowUpRule.isOverdue(status: .open, due: nil, today: today))
    }

    @Test func restrictedEngagementsAreForThoseWhoReadRestrictedRecords() {
        #expect(Role.coordinator.canSee(confidentiality: .restricted))
        #expect(!Role.officer.canSee(confidentiality: .restricted))
        #expect(Role.viewer.canSee(confidentiality: .internal))
    }
}
