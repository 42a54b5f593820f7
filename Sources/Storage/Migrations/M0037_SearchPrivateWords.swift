import FluentKit

/// Sensitive fields: a person's notes are indexed apart from their names, so that search finds a person
/// by their notes only for readers who may see notes. The index is made again with the new column.
struct M0037_SearchPrivateWords: AsyncMigration {
    var name: String { "M0037_SearchPrivateWords" }

    func prepare(on database: any Database) async throws {
        try await SearchIndexSchema.drop(on: database)
        try await SearchIndexSchema.create(on: database)
        try await SearchDocuments.rebuild(on: database)
    }

    /// The earlier schema reads the new table as it is (the column has a default), so nothing to undo.
    func revert(on database: any Database) async throws {}
}
