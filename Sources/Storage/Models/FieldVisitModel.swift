import Domain
import FluentKit
import Foundation

/// A delegation's trip: it holds engagements. Its places and its delegation are rows of their own.
public final class FieldVisitModel: Model, @unchecked Sendable {
    public static let schema = "field_visits"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @OptionalField(key: "purpose") public var purpose: String?
    /// `YYYY-MM-DD`.
    @Field(key: "starts_on") public var startsOn: Day
    @Field(key: "ends_on") public var endsOn: Day
    @Field(key: "status") public var status: VisitStatus
    @OptionalField(key: "summary") public var summary: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $title, $purpose, $startsOn, $endsOn, $status, $summary, $createdAt, $updatedAt, $deletedAt, $version] }

    public init() {}
}

/// A place a field visit went to.
public final class VisitPlaceModel: LinkModel, @unchecked Sendable {
    public static let schema = "visit_places"

    @ID(key: .id) public var id: UUID?
    @Field(key: "visit_id") public var visitID: UUID
    @Field(key: "place_id") public var placeID: UUID

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $visitID, $placeID] }

    public init() {}

    public static var owner: Link { \.$visitID }
    public static var target: Link { \.$placeID }
}

/// A member of a visit's delegation: a user of Roundtable, or a person from the registry.
public final class VisitMemberModel: Model, @unchecked Sendable {
    public static let schema = "visit_members"

    @ID(key: .id) public var id: UUID?
    @Field(key: "visit_id") public var visitID: UUID
    @OptionalField(key: "user_id") public var userID: UUID?
    @OptionalField(key: "person_id") public var personID: UUID?

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $visitID, $userID, $personID] }

    public init() {}

    public init(visitID: UUID, userID: UUID?, personID: UUID?) {
        self.id = UUID()
        self.visitID = visitID
        self.userID = userID
        self.personID = personID
    }
}
