import Domain
import Foundation

/// An engagement as a list or timeline shows it.
public struct EngagementSummary: Sendable, Equatable, Codable {
    public var id: UUID
    /// A built-in kind's key (`meeting`) or one an administrator added.
    public var kind: String
    /// The label of an added kind; nil for built-in kinds, which the catalogue names.
    public var kindLabel: String?
    public var title: String
    /// `YYYY-MM-DDTHH:MM` on the clock where it happened.
    public var start: String
    public var timeZone: String
    public var startsAt: Date
    public var place: RecordRef?
    public var venue: String?
    public var visit: RecordRef?
    public var confidentiality: Confidentiality
    public var topics: [String]
    public var isDeleted: Bool

    public var day: Day? { LocalStart(start)?.day }
}

/// A named participant as shown: the title is the one held on the day (or the one recorded for it).
public struct ParticipantRecord: Sendable, Equatable, Codable {
    public var person: RecordRef
    public var part: ParticipantPart
    public var title: String?
    public var organization: String?
    /// The title was written for this engagement rather than taken from the registry.
    public var titleRecorded: Bool
}

public struct FollowUpRecord: Sendable, Equatable, Codable {
    public var id: UUID
    public var engagement: RecordRef
    public var text: String
    public var owner: RecordRef?
    public var dueOn: Day?
    public var status: FollowUpStatus
    public var version: Int

    public func isOverdue(today: Day) -> Bool { FollowUpRule.isOverdue(status: status, due: dueOn, today: today) }
}

/// Everything about one engagement that the reader may see.
public struct EngagementRecord: RecordValue, Equatable, Codable {
    public var summary: EngagementSummary
    public var durationMinutes: Int?
    public var hosts: [RecordRef]
    public var partners: [RecordRef]
    public var participants: [ParticipantRecord]
    public var headCounts: [HeadCount]
    public var notes: String?
    public var outcomes: String?
    public var decisions: String?
    public var aggregateOnly: Bool
    public var followUps: [FollowUpRecord]
    public var quotes: [QuoteRecord]
    public var photos: [PhotoRecord]
    public var version: Int
    public var createdAt: Date
    public var updatedAt: Date

    public var id: UUID { summary.id }
    public var label: String { summary.title }
    public var isDeleted: Bool { summary.isDeleted }
}
