import Domain
import Foundation

public struct MemberInput: Sendable, Equatable, Codable {
    public var personID: UUID
    public var part: String
    public var startsOn: String?
    public var endsOn: String?

    public init(personID: UUID, part: String, startsOn: String? = nil, endsOn: String? = nil) {
        self.personID = personID
        self.part = part
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

public struct WorkingGroupInput: Sendable, Equatable {
    public var name: String
    public var purpose: String?
    public var agreementID: UUID?
    public var confidentiality: String = Confidentiality.internal.rawValue
    public var members: [MemberInput] = []

    public init(name: String) { self.name = name }
}

public struct DeliverableInput: Sendable, Equatable {
    public var title: String
    public var kind: String
    public var dueOn: String?
    public var status: String = DeliverableStatus.planned.rawValue

    public init(title: String, kind: String, dueOn: String? = nil) {
        self.title = title
        self.kind = kind
        self.dueOn = dueOn
    }
}

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
