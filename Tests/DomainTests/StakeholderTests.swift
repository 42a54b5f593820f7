import Domain
import Testing

@Suite("Stakeholder assessments: the grid and the movement between two")
struct StakeholderTests {
    @Test func theQuadrantFollowsInfluenceAndInterest() {
        #expect(StakeholderScores(influence: 5, interest: 4, stance: .supports).quadrant == .manageClosely)
        #expect(StakeholderScores(influence: 4, interest: 1, stance: .neutral).quadrant == .keepSatisfied)
        #expect(StakeholderScores(influence: 2, interest: 5, stance: .opposes).quadrant == .keepInformed)
        #expect(StakeholderScores(influence: 1, interest: 2, stance: .neutral).quadrant == .monitor)
    }

    @Test func movementIsMeasuredFromThePreviousAssessment() {
        let spring = StakeholderScores(influence: 3, interest: 2, stance: .leansAgainst)
        let summer = StakeholderScores(influence: 4, interest: 4, stance: .leansTowards)
        let moved = StakeholderMovement(from: spring, to: summer)
        #expect(moved.influence == 1 && moved.interest == 2 && moved.stance == 2 && !moved.isStill)
        #expect(StakeholderMovement(from: summer, to: summer).isStill)
        #expect(StakeholderStance.opposes.score == -2 && StakeholderStance.supports.score == 2)
    }
}
