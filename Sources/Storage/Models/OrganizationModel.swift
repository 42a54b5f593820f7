import Domain
import FluentKit
import Foundation

public final class OrganizationModel: Model, @unchecked Sendable {
    public static let schema = "organizations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "sort_name") public var sortName: String
    /// JSON array of acronyms and other names ("UNMIK").
    @Field(key: "other_names") public var otherNamesJSON: String
    @Field(key: "kind") public var kind: OrganizationKind
    @OptionalField(key: "level") public var level: GovernanceLevel?
    @OptionalParent(key: "parent_id") public var parent: OrganizationModel?
    @OptionalParent(key: "place_id") public var place: PlaceModel?
    @OptionalField(key: "website") public var website: String?
    @OptionalField(key: "notes") public var notes: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $name, $sortName, $otherNamesJSON, $kind, $level, $parent, $place, $website, $notes, $createdAt, $updatedAt, $deletedAt, $version] }

    public init() {}
}
