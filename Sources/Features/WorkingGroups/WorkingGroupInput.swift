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
