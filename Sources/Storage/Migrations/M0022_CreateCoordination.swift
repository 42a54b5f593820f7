import FluentKit

/// Who does what where: other actors' activities and their places.
struct M0022_CreateCoordination: AsyncMigration {
    var name: String { "M0022_CreateCoordination" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CoordinationActivityModel.schema)
            .id()
            .field("organization_id", .uuid, .required, .references(OrganizationModel.schema, "id"))
            .field("theme", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("contact_person_id", .uuid, .references(PersonModel.schema, "id"))
            .field("notes", .string)
            .recordLifecycleColumns()
            .create()
        try await SQLIndex.create("coordination_activities_organization", on: CoordinationActivityModel.schema, columns: ["organization_id"], in: database)
        try await database.schema(CoordinationPlaceModel.schema)
            .linking("activity_id", to: CoordinationActivityModel.schema, "place_id", to: PlaceModel.schema)
            .unique(on: "activity_id", "place_id")
            .create()
        try await SQLIndex.create("coordination_places_place", on: CoordinationPlaceModel.schema, columns: ["place_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.deleteSchemas(CoordinationPlaceModel.schema, CoordinationActivityModel.schema)
    }
}
