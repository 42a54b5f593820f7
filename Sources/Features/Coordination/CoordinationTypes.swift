import Domain
import Foundation

public struct CoordinationInput: Sendable, Equatable {
    public var organizationID: UUID?
    public var theme: String
    public var startsOn: String?
    public var endsOn: String?
    public var placeIDs: [UUID] = []
    public var contactPersonID: UUID?
    public var notes: String?

    public init(organizationID: UUID?, theme: String) {
        self.organizationID = organizationID
        self.theme = theme
    }
}

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
