import FluentKit

struct M0007_CreateCommunities: AsyncMigration {
    var name: String { "M0007_CreateCommunities" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CommunityModel.schema)
            .id()
            .field("name", .string, .required)
            .field("status", .string, .required)
            .field("region_id", .uuid, .references(PlaceModel.schema, "id"))
            .field("notes", .string)
            .recordLifecycleColumns()
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommunityModel.schema).delete()
    }
}
