import FluentKit

/// One search box over people, organisations, places, engagements, agreements, recommendations and context
/// events; a database that already has records gets their documents here, once.
struct M0027_CreateSearchIndex: AsyncMigration {
    var name: String { "M0027_CreateSearchIndex" }

    func prepare(on database: any Database) async throws {
        try await SearchIndexSchema.create(on: database)
        try await SearchDocuments.rebuild(on: database)
    }

    func revert(on database: any Database) async throws {
        try await SearchIndexSchema.drop(on: database)
    }
}
