import FluentKit

struct M0008_CreateOrganizations: AsyncMigration {
    var name: String { "M0008_CreateOrganizations" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganizationModel.schema)
            .id()
            .field("name", .string, .required)
            .field("sort_name", .string, .required)
            .field("other_names", .string, .required)
            .field("kind", .string, .required)
            .field("level", .string)
            .field("parent_id", .uuid, .references(OrganizationModel.schema, "id"))
            .field("place_id", .uuid, .references(PlaceModel.schema, "id"))
            .field("website", .string)
            .field("notes", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .field("version", .int, .required)
            .create()
        try await SQLIndex.create("organizations_sort_name", on: OrganizationModel.schema, columns: ["deleted_at", "sort_name", "id"], in: database)
        try await SQLIndex.create("organizations_kind", on: OrganizationModel.schema, columns: ["kind", "deleted_at", "sort_name", "id"], in: database)
        try await SQLIndex.create("organizations_level", on: OrganizationModel.schema, columns: ["level", "deleted_at", "sort_name", "id"], in: database)
        try await SQLIndex.create("organizations_parent", on: OrganizationModel.schema, columns: ["parent_id"], in: database)
        try await SQLIndex.create("organizations_place", on: OrganizationModel.schema, columns: ["place_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganizationModel.schema).delete()
    }
}
