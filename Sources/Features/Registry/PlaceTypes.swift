import Domain
import Foundation

public struct PlaceRecord: RecordValue, Equatable, Codable {
    public var id: UUID
    public var kind: String
    /// The name in the reader's language (with fallback).
    public var name: String
    public var names: [String: String]
    public var parent: RecordRef?
    public var latitude: Double?
    public var longitude: Double?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int
    public var deletedAt: Date?

    public var label: String { name }
    public var isDeleted: Bool { deletedAt != nil }
}

public struct PlacePageData: Sendable {
    public var place: PlaceRecord
    /// From the country down to the parent.
    public var path: [RecordRef]
    public var children: [RecordRef]
    public var people: [RecordRef]
    public var organizations: [RecordRef]
}
