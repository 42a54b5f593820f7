import Domain
import FluentKit
import Foundation

/// A meeting, forum, workshop, call…: when and where, who took part, what came of it.
public final class EngagementModel: Model, @unchecked Sendable {
    public static let schema = "engagements"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "visit_id") public var visitID: UUID?
    /// An `EngagementKind` or a kind an administrator added (`engagement_kinds`): text, not the enum.
    @Field(key: "kind") public var kind: String
    @Field(key: "title") public var title: String
    /// The instant it began (UTC), for ordering across time zones.
    @Field(key: "starts_at") public var startsAt: Date
    /// The wall-clock start where it happened, `YYYY-MM-DDTHH:MM`, and that place's time zone (IANA name).
    @Field(key: "local_start") public var localStart: String
    @Field(key: "time_zone") public var timeZone: String
    @OptionalField(key: "duration_minutes") public var durationMinutes: Int?
    @OptionalField(key: "place_id") public var placeID: UUID?
    @OptionalField(key: "venue") public var venue: String?
    /// JSON array of topic tags.
    @Field(key: "topics") public var topicsJSON: String
    @OptionalField(key: "summary") public var summary: String?
    @OptionalField(key: "outcomes") public var outcomes: String?
    @OptionalField(key: "decisions") public var decisions: String?
    /// No one is named: only head-counts are kept, for meetings where names would put people at risk.
    @Field(key: "aggregate_only") public var aggregateOnly: Bool
    @Field(key: "confidentiality") public var confidentiality: Confidentiality
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $visitID, $kind, $title, $startsAt, $localStart, $timeZone, $durationMinutes, $placeID, $venue, $topicsJSON, $summary, $outcomes, $decisions, $aggregateOnly, $confidentiality, $createdAt, $updatedAt, $deletedAt, $version] }

    public init() {}
}

/// An organisation that hosted an engagement or took part as a partner.
public final class EngagementOrganizationModel: Model, @unchecked Sendable {
    public static let schema = "engagement_organizations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "engagement_id") public var engagementID: UUID
    @Field(key: "organization_id") public var organizationID: UUID
    @Field(key: "role") public var role: EngagementOrganizationRole

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $engagementID, $organizationID, $role] }

    public init() {}
}

/// A named participant, with their part and, when the registry's title for that day is not the one to
/// show, the title they held there.
public final class ParticipationModel: Model, @unchecked Sendable {
    public static let schema = "participations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "engagement_id") public var engagementID: UUID
    @Field(key: "person_id") public var personID: UUID
    @Field(key: "part") public var part: ParticipantPart
    @OptionalField(key: "title") public var title: String?
    /// The engagement's `local_start`, copied here so that a person's latest engagements are read from
    /// the participations' index in date order (the people list's "last contact").
    @OptionalField(key: "local_start") public var localStart: String?

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $engagementID, $personID, $part, $title, $localStart] }

    public init() {}
}

/// People counted rather than named.
public final class HeadCountModel: Model, @unchecked Sendable {
    public static let schema = "head_counts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "engagement_id") public var engagementID: UUID
    @Field(key: "position") public var position: Int
    @Field(key: "category") public var category: String
    @Field(key: "count") public var count: Int
    @Field(key: "at_least") public var atLeast: Bool
    /// JSON objects: gender → count, community id → count, age band → count (`Domain/Disaggregation`).
    @Field(key: "by_gender") public var byGenderJSON: String
    @Field(key: "by_community") public var byCommunityJSON: String
    @Field(key: "by_age") public var byAgeJSON: String

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $engagementID, $position, $category, $count, $atLeast, $byGenderJSON, $byCommunityJSON, $byAgeJSON] }

    public init() {}
}

/// Something to do after an engagement, by a user, by a day.
public final class FollowUpModel: Model, @unchecked Sendable {
    public static let schema = "follow_ups"

    @ID(key: .id) public var id: UUID?
    @Field(key: "engagement_id") public var engagementID: UUID
    @Field(key: "text") public var text: String
    @OptionalField(key: "owner_id") public var ownerID: UUID?
    @OptionalField(key: "due_on") public var dueOn: Day?
    @Field(key: "status") public var status: FollowUpStatus
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $engagementID, $text, $ownerID, $dueOn, $status, $createdAt, $updatedAt, $version] }

    public init() {}
}
