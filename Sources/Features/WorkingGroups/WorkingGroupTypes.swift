import Domain
import Foundation

public struct WorkingGroupMember: Sendable, Equatable, Codable {
    public var person: RecordRef
    public var part: MemberPart
    public var period: DaySpan

    /// A member now, or in the past.
    public func isCurrent(on day: Day) -> Bool { period.contains(day) }
}

public struct Deliverable: Sendable, Equatable, Codable {
    public var id: UUID
    public var title: String
    public var kind: DeliverableKind
    public var dueOn: Day?
    public var status: DeliverableStatus
    public var version: Int
}

public struct WorkingGroupSummary: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var agreement: RecordRef?
    public var confidentiality: Confidentiality
    public var isDeleted: Bool
}

public struct WorkingGroupRecord: RecordValue, Equatable, Codable {
    public var summary: WorkingGroupSummary
    public var purpose: String?
    public var members: [WorkingGroupMember]
    /// Its meetings, oldest first.
    public var meetings: [EngagementSummary]
    public var deliverables: [Deliverable]
    public var version: Int

    public var id: UUID { summary.id }
    public var label: String { summary.name }
    public var isDeleted: Bool { summary.isDeleted }
}
