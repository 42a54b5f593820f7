import Domain
import FluentKit
import Foundation

/// A person's role at an organisation, with the days it began and ended (either may be unknown).
public final class PositionModel: Model, @unchecked Sendable {
    public static let schema = "positions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    @Parent(key: "organization_id") public var organization: OrganizationModel
    @Field(key: "title") public var title: String
    /// `YYYY-MM-DD`, or nil when unknown.
    @OptionalField(key: "starts_on") public var startsOn: Day?
    @OptionalField(key: "ends_on") public var endsOn: Day?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $person, $organization, $title, $startsOn, $endsOn, $createdAt, $updatedAt, $deletedAt, $version] }

    public init() {}
}
