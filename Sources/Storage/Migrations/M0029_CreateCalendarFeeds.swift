import FluentKit

struct M0029_CreateCalendarFeeds: AsyncMigration {
    var name: String { "M0029_CreateCalendarFeeds" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CalendarFeedModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("secret_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .unique(on: "user_id")
            .unique(on: "secret_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CalendarFeedModel.schema).delete()
    }
}
