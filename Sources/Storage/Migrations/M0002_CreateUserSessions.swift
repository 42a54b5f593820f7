import FluentKit

struct M0002_CreateUserSessions: AsyncMigration {
    var name: String { "M0002_CreateUserSessions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UserSessionModel.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await SQLIndex.create("user_sessions_user_id", on: UserSessionModel.schema, columns: ["user_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UserSessionModel.schema).delete()
    }
}
