import Domain
import Foundation

public struct CommunityInput: Sendable, Equatable {
    public var name: String
    public var status: String
    public var regionID: UUID?
    public var notes: String?

    public init(name: String, status: String, regionID: UUID? = nil, notes: String? = nil) {
        self.name = name
        self.status = status
        self.regionID = regionID
        self.notes = notes
    }
}
