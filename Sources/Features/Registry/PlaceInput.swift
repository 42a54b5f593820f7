import Domain
import Foundation

public struct PlaceInput: Sendable, Equatable {
    public var kind: String
    public var parentID: UUID?
    /// Language tag → name; at least one.
    public var names: [String: String]
    public var latitude: Double?
    public var longitude: Double?

    public init(kind: String, parentID: UUID? = nil, names: [String: String], latitude: Double? = nil, longitude: Double? = nil) {
        self.kind = kind
        self.parentID = parentID
        self.names = names
        self.latitude = latitude
        self.longitude = longitude
    }
}
