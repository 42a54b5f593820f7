import Domain
import Foundation

public struct AgreementParty: Sendable, Equatable, Codable {
    public var organization: RecordRef?
    public var person: RecordRef?
    public var part: PartyPart
}

public struct AgreementEngagement: Sendable, Equatable, Codable {
    public var engagement: RecordRef
    public var day: String
    public var link: AgreementEngagementLink
}

public struct AgreementSummary: Sendable, Equatable, Codable {
    public var id: UUID
    public var kind: AgreementKind
    public var title: String
    public var status: AgreementStatus
    public var signedOn: Day?
    public var validUntil: Day?
    public var confidentiality: Confidentiality
    public var isDeleted: Bool
}

public struct AgreementRecord: RecordValue, Equatable, Codable {
    public var summary: AgreementSummary
    public var focus: String?
    public var topics: [String]
    public var notes: String?
    public var parties: [AgreementParty]
    /// Oldest first.
    public var statusHistory: [AgreementStatusStep]
    public var engagements: [AgreementEngagement]
    public var version: Int

    public var id: UUID { summary.id }
    public var label: String { summary.title }
    public var isDeleted: Bool { summary.isDeleted }
}
