import Domain
import Foundation

public struct CoordinationRecord: RecordValue, Equatable, Codable {
    public var id: UUID
    public var organization: RecordRef
    public var theme: String
    public var period: DaySpan
    public var places: [RecordRef]
    public var contact: RecordRef?
    public var notes: String?
    public var isDeleted: Bool
    public var version: Int

    public var label: String { theme }
}

/// Who does what where: the matrix of actors × themes, and its rows for HXL tools.
public struct CoordinationMatrix: Sendable, Equatable {
    public var themes: [String]
    public var actors: [RecordRef]
    /// actor → theme → activities.
    public var cells: [UUID: [String: [CoordinationRecord]]]
}
