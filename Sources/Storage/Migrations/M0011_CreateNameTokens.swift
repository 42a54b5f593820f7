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
        try await SQLIndex.create("name_tokens_lookup", on: NameTokens.schema, columns: ["record_type", "token", "record_id"], in: database)
        try await SQLIndex.create("name_tokens_record", on: NameTokens.schema, columns: ["record_id"], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(NameTokens.schema).delete()
    }
}
