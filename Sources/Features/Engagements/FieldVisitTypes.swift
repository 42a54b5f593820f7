import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

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
