import Domain
import Foundation

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
