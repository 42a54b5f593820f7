import FluentKit

struct M0014_CreateQuotes: AsyncMigration {
    var name: String { "M0014_CreateQuotes" }

    func prepare(on database: any Database) async throws {
        try await database.schema(QuoteModel.schema)
            .id()
            .field("engagement_id", .uuid, .required, .references(EngagementModel.schema, "id"))
            .field("speaker_id", .uuid, .references(PersonModel.schema, "id"))
            .field("speaker_label", .string)
            .field("text", .string, .required)
            .field("language", .string, .required)
            .field("withheld", .bool, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await SQLIndex.create(on: QuoteModel.schema, [
            "quotes_engagement": ["engagement_id", "created_at"],
            "quotes_speaker": ["speaker_id"],
        ], in: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema(QuoteModel.schema).delete()
    }
}
