import Domain
import FluentKit
import Foundation

/// Another actor's activity: who does what where, and when (the "3W" of humanitarian coordination).
public final class CoordinationActivityModel: Model, @unchecked Sendable {
    public static let schema = "coordination_activities"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "theme") public var theme: String
    @OptionalField(key: "starts_on") public var startsOn: Day?
    @OptionalField(key: "ends_on") public var endsOn: Day?
    @OptionalField(key: "contact_person_id") public var contactPersonID: UUID?
    @OptionalField(key: "notes") public var notes: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] {
        [$id, $organizationID, $theme, $startsOn, $endsOn, $contactPersonID, $notes, $createdAt, $updatedAt, $deletedAt, $version]
    }

    public init() {}
}

/// A place where a coordination activity runs.
public final class CoordinationPlaceModel: LinkModel, @unchecked Sendable {
    public static let schema = "coordination_places"

    @ID(key: .id) public var id: UUID?
    @Field(key: "activity_id") public var activityID: UUID
    @Field(key: "place_id") public var placeID: UUID

    /// Listed by hand (see `CoordinationActivityModel.properties`).
    public var properties: [any AnyProperty] { [$id, $activityID, $placeID] }

    public init() {}

    public static var owner: Link { \.$activityID }
    public static var target: Link { \.$placeID }
}
