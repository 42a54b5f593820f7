/// Where a stakeholder stands on the work, from open opposition to active support.
public enum StakeholderStance: String, CaseIterable, Codable, Sendable {
    case opposes
    case leansAgainst = "leans_against"
    case neutral
    case leansTowards = "leans_towards"
    case supports

    /// −2 … +2, for movement between two assessments.
    public var score: Int { StakeholderStance.allCases.firstIndex(of: self)! - 2 }
}

/// A dated judgement of one person or organisation: influence and interest on 1–5, and their stance.
public struct StakeholderScores: Equatable, Sendable, Codable {
    public var influence: Int
    public var interest: Int
    public var stance: StakeholderStance

    public init(influence: Int, interest: Int, stance: StakeholderStance) {
        self.influence = influence
        self.interest = interest
        self.stance = stance
    }

    public static let scale = 1...5

    /// The grid's quadrant, as the classic power–interest grid names it.
    public var quadrant: Quadrant {
        switch (influence >= 3, interest >= 3) {
        case (true, true): return .manageClosely
        case (true, false): return .keepSatisfied
        case (false, true): return .keepInformed
        case (false, false): return .monitor
        }
    }

    public enum Quadrant: String, CaseIterable, Codable, Sendable {
        case manageClosely = "manage_closely", keepSatisfied = "keep_satisfied", keepInformed = "keep_informed", monitor
    }
}

/// How a stakeholder moved between two assessments.
public struct StakeholderMovement: Equatable, Sendable, Codable {
    public var influence: Int
    public var interest: Int
    /// Steps along opposes … supports; positive is towards support.
    public var stance: Int

    public init(from previous: StakeholderScores, to latest: StakeholderScores) {
        influence = latest.influence - previous.influence
        interest = latest.interest - previous.interest
        stance = latest.stance.score - previous.stance.score
    }

    public var isStill: Bool { influence == 0 && interest == 0 && stance == 0 }
}
