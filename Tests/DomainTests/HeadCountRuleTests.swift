import Domain
import Testing

/// Scenario 10's open forum — 40 residents, by community, gender and age — and the rules every front end
/// shares: fixed keys for gender and age band, nothing negative, no breakdown larger than its count, each
/// problem at the line and the part of it that caused it.
@Suite("Head-counts by gender, age band and community")
struct HeadCountRuleTests {
    static let serb = "5b0c2a3e-8f4d-4c1a-9d62-0e7f3a1b2c4d"

    @Test func theForumsFortyResidentsBrokenDownThreeWaysAreSound() {
        let forum = HeadCount(category: "residents from both sides of the river", count: 40, atLeast: true,
                              byGender: ["woman": 22, "man": 15], byAge: ["under_18": 6, "25_59": 20, "60_over": 9],
                              byCommunity: [Self.serb: 18])
        #expect(forum.issues(line: 0).isEmpty)
        #expect(forum.displayCount == "40+" && forum.isBrokenDown)
        #expect(HeadCount(category: "NGOs", count: 18).issues(line: 3).isEmpty && !HeadCount(category: "NGOs", count: 18).isBrokenDown)
    }

    @Test func eachProblemNamesItsLineAndPart() {
        let count = HeadCount(category: " ", count: 10, byGender: ["woman": 6, "man": 5], byAge: ["under_18": -1],
                              byCommunity: [Self.serb: 11])
        let issues = count.issues(line: 2)
        #expect(issues.map(\.field) == ["headCounts/2/category", "headCounts/2/byGender", "headCounts/2/byAge", "headCounts/2/byCommunity"])
        #expect(issues.map(\.messageKey) == ["headCount.categoryRequired", "headCount.breakdownOver", "headCount.breakdownNegative", "headCount.breakdownOver"])
        #expect(issues[1].arguments == ["11", "10"], "the sum and the count, to say by how much")
        #expect(HeadCount(category: "x", count: -1).issues(line: 0).map(\.field) == ["headCounts/0/count"])
        #expect(HeadCount(category: "x", count: 1_000_001).issues(line: 0).map(\.messageKey) == ["headCount.countRange"])
    }

    @Test func genderAndAgeTakeOnlyTheirOwnKeys() {
        let count = HeadCount(category: "leaders", count: 20, byGender: ["women": 9], byAge: ["adult": 3, "18_24": 2])
        let issues = count.issues(line: 0)
        #expect(issues.map(\.messageKey) == ["headCount.unknownKey", "headCount.unknownKey"])
        #expect(issues[0].arguments == ["women", "woman, man, other, not_recorded"])
        #expect(issues[1].field == "headCounts/0/byAge" && issues[1].arguments.first == "adult")
        #expect(HeadCountGender.allCases.map(\.rawValue) == ["woman", "man", "other", "not_recorded"])
        #expect(AgeBand.allCases.map(\.rawValue) == ["under_18", "18_24", "25_59", "60_over", "not_recorded"])
    }

    @Test func notRecordedMayBeGivenAndCountsTowardsTheSum() {
        #expect(HeadCount(category: "x", count: 10, byGender: ["woman": 4, "not_recorded": 6]).issues(line: 0).isEmpty)
        #expect(HeadCount(category: "x", count: 10, byAge: ["not_recorded": 11]).issues(line: 0).map(\.messageKey) == ["headCount.breakdownOver"])
    }

    @Test func aHostileBreakdownCannotOverflowTheSum() {
        let count = HeadCount(category: "x", count: 10, byGender: ["woman": Int.max, "man": Int.max])
        #expect(count.issues(line: 0).map(\.messageKey) == ["headCount.countRange"])
        let many = HeadCount(category: "x", count: 10, byCommunity: Dictionary(uniqueKeysWithValues: (0..<21).map { ("c\($0)", 0) }))
        #expect(many.issues(line: 0).map(\.messageKey) == ["headCount.breakdownTooMany"])
        #expect(HeadCount(category: "x", count: 1, byCommunity: [" ": 1]).issues(line: 0).map(\.messageKey) == ["headCount.communityRequired"])
    }

    @Test func aNamedPersonCountsUnderTheirRecordedGenderOrNotRecorded() {
        #expect(HeadCountGender(.woman) == .woman && HeadCountGender(.other) == .other && HeadCountGender(nil) == .notRecorded)
    }

    @Test func whatABreakdownLeavesOfACountIsNotRecorded() {
        var total: [String: Int] = [:]
        Breakdown.add(["woman": 22, "man": 15], of: 40, into: &total, rest: "not_recorded")
        Breakdown.add([:], of: 5, into: &total, rest: "not_recorded")
        Breakdown.add(["not_recorded": 1, "man": 2], of: 3, into: &total, rest: "not_recorded")
        #expect(total == ["woman": 22, "man": 17, "not_recorded": 9])
    }

    @Test func theHistoryKeepsCatalogueKeysAndCommunityIdentities() {
        let count = HeadCount(category: "NGOs ", count: 18, byGender: ["man": 7, "woman": 9], byAge: ["18_24": 5], byCommunity: [Self.serb: 5])
        #expect(HeadCountHistory.value(count) == "NGOs (headCountGender.woman 9, headCountGender.man 7 / ageBand.18_24 5 / \(Self.serb) 5)")
    }
}
