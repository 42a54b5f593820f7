import FluentKit

struct M0003_CreateAPITokens: AsyncMigration {
    var name: String { "M0003_CreateAPITokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema)
            .id()
            .field("user_id", .uuid, .required, .references(UserModel.schema, "id", onDelete: .cascade))
            .field("label", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await SQLIndex.create("api_tokens_user_id", on: APITokenModel.schema, columns: ["user_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(APITokenModel.schema).delete()
    }
}
