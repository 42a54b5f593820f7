import Domain
import Foundation

public struct PositionInput: Sendable, Equatable {
    public var personID: UUID
    public var organizationID: UUID
    public var title: String
    public var startsOn: String?
    public var endsOn: String?

    public init(personID: UUID, organizationID: UUID, title: String, startsOn: String? = nil, endsOn: String? = nil) {
        self.personID = personID
        self.organizationID = organizationID
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}
