import Domain
import FluentKit
import Foundation

/// A community as a deployment defines it, majority or not within a region.
public final class CommunityModel: Model, @unchecked Sendable {
    public static let schema = "communities"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "status") public var status: CommunityStatus
    @OptionalParent(key: "region_id") public var region: PlaceModel?
    @OptionalField(key: "notes") public var notes: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $name, $status, $region, $notes, $createdAt, $updatedAt, $deletedAt, $version] }

    public init() {}
}
