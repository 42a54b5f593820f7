import FluentKit

struct M0013_CreateFieldVisitsAndEngagements: AsyncMigration {
    var name: String { "M0013_CreateFieldVisitsAndEngagements" }

    func prepare(on database: any Database) async throws {
        try await database.schema(FieldVisitModel.schema)
            .id()
            .field("title", .string, .required)
            .field("purpose", .string)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("status", .string, .required)
            .field("summary", .string)
            .recordLifecycleColumns()
            .create()
        try await SQLIndex.create("field_visits_live_start", on: FieldVisitModel.schema, columns: ["deleted_at", "starts_on", "id"], in: database)
        try await database.schema(VisitPlaceModel.schema)
            .linking("visit_id", to: FieldVisitModel.schema, "place_id", to: PlaceModel.schema)
            .create()
        try await SQLIndex.create(on: VisitPlaceModel.schema, [
            "visit_places_visit": ["visit_id"],
            "visit_places_place": ["place_id"],
        ], in: database)
        try await database.schema(VisitMemberModel.schema)
            .id()
            .field("visit_id", .uuid, .required, .references(FieldVisitModel.schema, "id"))
            .field("user_id", .uuid, .references(UserModel.schema, "id"))
            .field("person_id", .uuid, .references(PersonModel.schema, "id"))
            .create()
        try await SQLIndex.create(on: VisitMemberModel.schema, [
            "visit_members_visit": ["visit_id"],
            "visit_members_person": ["person_id"],
        ], in: database)

        try await database.schema(EngagementModel.schema)
            .id()
            .field("visit_id", .uuid, .references(FieldVisitModel.schema, "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("local_start", .string, .required)
            .field("time_zone", .string, .required)
            .field("duration_minutes", .int)
            .field("place_id", .uuid, .references(PlaceModel.schema, "id"))
            .field("venue", .string)
            .field("topics", .string, .required)
            .field("summary", .string)
            .field("outcomes", .string)
            .field("decisions", .string)
            .field("aggregate_only", .bool, .required)
            .field("confidentiality", .string, .required)
            .recordLifecycleColumns()
            .create()
        // The overall timeline (newest first), a visit's engagements in order, a place's timeline.
        try await SQLIndex.create(on: EngagementModel.schema, [
            "engagements_live_start": ["deleted_at", "starts_at", "id"],
            "engagements_visit": ["visit_id", "starts_at"],
            "engagements_place": ["place_id", "starts_at"],
        ], in: database)

        try await database.schema(EngagementOrganizationModel.schema)
            .linking("engagement_id", to: EngagementModel.schema, "organization_id", to: OrganizationModel.schema)
            .field("role", .string, .required)
            .create()
        try await SQLIndex.create(on: EngagementOrganizationModel.schema, [
            "engagement_organizations_engagement": ["engagement_id"],
            "engagement_organizations_organization": ["organization_id"],
        ], in: database)

        try await database.schema(ParticipationModel.schema)
            .linking("engagement_id", to: EngagementModel.schema, "person_id", to: PersonModel.schema)
            .field("part", .string, .required)
            .field("title", .string)
            .create()
        try await SQLIndex.create(on: ParticipationModel.schema, [
            "participations_engagement": ["engagement_id"],
            "participations_person": ["person_id", "engagement_id"],
        ], in: database)

        try await database.schema(HeadCountModel.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(EngagementModel.schema, "id"))
            .field("position", .int, .required)
            .field("category", .string, .required)
            .field("count", .int, .required)
            .field("at_least", .bool, .required)
            .field("by_gender", .string, .required)
            .field("by_community", .string, .required)
            .create()
        try await SQLIndex.create("head_counts_engagement", on: HeadCountModel.schema, columns: ["engagement_id", "position"], in: database)

        try await database.schema(FollowUpModel.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(EngagementModel.schema, "id"))
            .field("text", .string, .required)
            .field("owner_id", .uuid, .references(UserModel.schema, "id"))
            .field("due_on", .string)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("version", .int, .required)
            .create()
        try await SQLIndex.create(on: FollowUpModel.schema, [
            "follow_ups_engagement": ["engagement_id"],
            "follow_ups_owner": ["owner_id", "status", "due_on"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(FollowUpModel.schema, HeadCountModel.schema, ParticipationModel.schema, EngagementOrganizationModel.schema,
                                         EngagementModel.schema, VisitMemberModel.schema, VisitPlaceModel.schema, FieldVisitModel.schema)
    }
}
