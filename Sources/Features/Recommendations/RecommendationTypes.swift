import Domain
import Foundation

public struct RecommendationSummary: Sendable, Equatable, Codable {
    public var id: UUID
    public var title: String
    public var status: RecommendationStatus
    public var level: GovernanceLevel?
    public var confidentiality: Confidentiality
    public var isDeleted: Bool
}

public struct RecommendationRecord: RecordValue, Equatable, Codable {
    public var summary: RecommendationSummary
    public var text: String?
    public var targets: [RecordRef]
    public var workingGroup: RecordRef?
    public var statusHistory: [RecommendationStep]
    public var engagements: [EngagementSummary]
    public var contextEvents: [ContextEventSummary]
    public var version: Int

    public var id: UUID { summary.id }
    public var label: String { summary.title }
    public var isDeleted: Bool { summary.isDeleted }
}
