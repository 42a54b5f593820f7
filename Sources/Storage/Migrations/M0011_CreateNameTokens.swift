import FluentKit

struct M0011_CreateNameTokens: AsyncMigration {
    var name: String { "M0011_CreateNameTokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema(NameTokens.schema)
            .id()
            .field("record_type", .string, .required)
            .field("record_id", .uuid, .required)
            .field("token", .string, .required)
            .create()
        try await SQLIndex.create(on: NameTokens.schema, [
            "name_tokens_lookup": ["record_type", "token", "record_id"],
            "name_tokens_record": ["record_id"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NameTokens.schema).delete()
    }
}
