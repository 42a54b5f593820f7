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
            .recordLifecycleColumns()
            .create()
        try await SQLIndex.create(on: OrganizationModel.schema, [
            "organizations_sort_name": ["deleted_at", "sort_name", "id"],
            "organizations_kind": ["kind", "deleted_at", "sort_name", "id"],
            "organizations_level": ["level", "deleted_at", "sort_name", "id"],
            "organizations_parent": ["parent_id"],
            "organizations_place": ["place_id"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganizationModel.schema).delete()
    }
}
