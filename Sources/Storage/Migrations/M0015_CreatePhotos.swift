import FluentKit

struct M0015_CreatePhotos: AsyncMigration {
    var name: String { "M0015_CreatePhotos" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PhotoModel.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(EngagementModel.schema, "id"))
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("small_file_name", .string)
            .field("byte_count", .int, .required)
            .field("caption", .string)
            .field("credit", .string)
            .field("people_shown", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create("photos_engagement", on: PhotoModel.schema, columns: ["engagement_id", "created_at"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PhotoModel.schema).delete()
    }
}
