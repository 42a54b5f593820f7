import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

public struct FieldVisitInput: Sendable, Equatable {
    public var title: String
    public var purpose: String?
    public var startsOn: String
    public var endsOn: String
    public var status: String = VisitStatus.planned.rawValue
    public var summary: String?
    public var placeIDs: [UUID] = []
    /// The delegation: users of Roundtable and people from the registry.
    public var memberUserIDs: [UUID] = []
    public var memberPersonIDs: [UUID] = []

    public init(title: String, startsOn: String, endsOn: String) {
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

public struct FieldVisitSummary: Sendable, Equatable, Codable {
    public var id: UUID
    public var title: String
    public var startsOn: Day
    public var endsOn: Day
    public var status: VisitStatus
    public var isDeleted: Bool
}

public struct FieldVisitRecord: RecordValue, Equatable, Codable {
    public var summary: FieldVisitSummary
    public var purpose: String?
    public var notes: String?
    public var places: [RecordRef]
    public var users: [RecordRef]
    public var people: [RecordRef]
    public var version: Int

    public var id: UUID { summary.id }
    public var label: String { summary.title }
    public var isDeleted: Bool { summary.isDeleted }
}
