import Domain
import FluentKit
import Foundation

/// Country, region, municipality or settlement, with a name in each language people use for it.
public final class PlaceModel: Model, @unchecked Sendable {
    public static let schema = "places"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: PlaceKind
    @OptionalParent(key: "parent_id") public var parent: PlaceModel?
    /// The folded names in every language, for sorting and matching.
    @Field(key: "sort_name") public var sortName: String
    @OptionalField(key: "latitude") public var latitude: Double?
    @OptionalField(key: "longitude") public var longitude: Double?
    @Children(for: \.$place) public var names: [PlaceNameModel]
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $kind, $parent, $sortName, $latitude, $longitude, $names, $createdAt, $updatedAt, $deletedAt, $version] }

    public init() {}
}

public final class PlaceNameModel: Model, @unchecked Sendable {
    public static let schema = "place_names"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "place_id") public var place: PlaceModel
    /// A BCP 47 tag: `sq`, `sr-Latn`, `sr-Cyrl`, `en` …
    @Field(key: "language") public var language: String
    @Field(key: "name") public var name: String

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $place, $language, $name] }

    public init() {}

    public init(placeID: UUID, language: String, name: String) {
        self.id = UUID()
        self.$place.id = placeID
        self.language = language
        self.name = name
    }
}
