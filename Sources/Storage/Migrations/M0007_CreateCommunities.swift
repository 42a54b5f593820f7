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
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .field("version", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CommunityModel.schema).delete()
    }
}
