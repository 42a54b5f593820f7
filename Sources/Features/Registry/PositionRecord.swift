import Domain
import Foundation

/// A person's role, as their page and their organisation's page list it.
public struct PositionRecord: RecordValue, Equatable, Codable {
    public var id: UUID
    public var person: RecordRef
    public var organization: RecordRef
    public var title: String
    public var startsOn: String?
    public var endsOn: String?
    public var version: Int
    public var deletedAt: Date?

    public var label: String { "\(title) · \(organization.name)" }
    public var isDeleted: Bool { deletedAt != nil }
    public var span: DaySpan { DaySpan(from: startsOn.flatMap(Day.init), to: endsOn.flatMap(Day.init)) }

    public func isCurrent(on day: Day) -> Bool { span.contains(day) }
}
