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
