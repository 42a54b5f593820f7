import Domain
import Foundation

public struct ContextEventSummary: Sendable, Equatable, Codable {
    public var id: UUID
    public var title: String
    public var kind: ContextEventKind
    public var severity: Severity
    public var period: EventPeriod
    public var confidentiality: Confidentiality
    public var places: [RecordRef]
    public var isDeleted: Bool
}

public struct ContextEventRecord: RecordValue, Equatable, Codable {
    public var summary: ContextEventSummary
    public var description: String?
    public var sourceURL: String?
    public var version: Int

    public var id: UUID { summary.id }
    public var label: String { summary.title }
    public var isDeleted: Bool { summary.isDeleted }
}
