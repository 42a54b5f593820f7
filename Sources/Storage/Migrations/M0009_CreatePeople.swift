import FluentKit

struct M0009_CreatePeople: AsyncMigration {
    var name: String { "M0009_CreatePeople" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PersonModel.schema)
            .id()
            .field("name", .string, .required)
            .field("sort_name", .string, .required)
            .field("other_names", .string, .required)
            .field("honorific", .string)
            .field("gender", .string)
            .field("community_id", .uuid, .references(CommunityModel.schema, "id"))
            .field("place_id", .uuid, .references(PlaceModel.schema, "id"))
            .field("languages", .string, .required)
            .field("emails", .string, .required)
            .field("phones", .string, .required)
            .field("notes", .string)
            .field("sensitivity", .string, .required)
            .field("lawful_basis", .string, .required)
            .field("consent_stored", .string, .required)
            .field("consent_named", .string, .required)
            .field("consent_quoted", .string, .required)
            .field("consent_photographed", .string, .required)
            .recordLifecycleColumns()
            .create()
        try await database.schema(ConsentEventModel.schema)
            .id()
            .field("person_id", .uuid, .required, .references(PersonModel.schema, "id", onDelete: .cascade))
            .field("subject", .string, .required)
            .field("value", .string, .required)
            .field("obtained_on", .string)
            .field("method", .string)
            .field("recorded_at", .datetime, .required)
            .field("recorded_by", .string, .required)
            .create()
        // The list's common shapes: live people by name, and live non-restricted people by name.
        // (The id ends each index: pages sort by name, then id, so that paging is stable among equal names.)
        try await SQLIndex.create(on: PersonModel.schema, [
            "people_live_name": ["deleted_at", "sort_name", "id"],
            "people_sensitivity": ["sensitivity", "deleted_at", "sort_name", "id"],
            "people_community": ["community_id", "deleted_at", "sort_name", "id"],
            "people_updated": ["updated_at", "id"],
            "people_place": ["place_id"],
        ], in: database)
        try await SQLIndex.create("consent_events_person", on: ConsentEventModel.schema, columns: ["person_id", "recorded_at"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(ConsentEventModel.schema, PersonModel.schema)
    }
}
