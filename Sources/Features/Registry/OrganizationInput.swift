import Domain
import Foundation

public struct OrganizationInput: Sendable, Equatable {
    public var name: String
    public var otherNames: [String] = []
    public var kind: String = OrganizationKind.other.rawValue
    public var level: String?
    public var parentID: UUID?
    public var placeID: UUID?
    public var website: String?
    public var notes: String?

    public init(name: String) { self.name = name }
}
