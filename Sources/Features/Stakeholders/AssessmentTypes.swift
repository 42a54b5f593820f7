import Domain
import Foundation

public struct AssessmentInput: Sendable, Equatable {
    public var assessedOn: String?
    /// As typed ("4"); checked to lie on 1–5.
    public var influence: String?
    public var interest: String?
    public var stance: String?
    public var notes: String?

    public init(assessedOn: String? = nil, influence: String? = nil, interest: String? = nil, stance: String? = nil, notes: String? = nil) {
        self.assessedOn = assessedOn
        self.influence = influence
        self.interest = interest
        self.stance = stance
        self.notes = notes
    }
}

/// Who an assessment is about.
public enum StakeholderRef: Sendable, Equatable, Codable {
    case person(RecordRef)
    case organization(RecordRef)

    public var ref: RecordRef { switch self { case .person(let ref), .organization(let ref): return ref } }
    public var isPerson: Bool { if case .person = self { return true } else { return false } }
}

public struct AssessmentRecord: Sendable, Equatable, Codable {
    public var id: UUID
    public var assessedOn: Day
    public var scores: StakeholderScores
    public var notes: String?
    public var assessedBy: String
    public var createdAt: Date
}

/// One row of the grid: a stakeholder's latest assessment and how they moved since the one before.
public struct StakeholderGridEntry: Sendable, Equatable, Codable {
    public var subject: StakeholderRef
    public var latest: AssessmentRecord
    public var previous: AssessmentRecord?

    public var movement: StakeholderMovement? { previous.map { StakeholderMovement(from: $0.scores, to: latest.scores) } }
}
