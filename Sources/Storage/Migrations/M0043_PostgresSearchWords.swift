import FluentKit
import SQLKit

/// PostgreSQL: the search index's words in a table of their own too (`SearchWords`), filled from the documents'
/// vectors, so a search names the words its words begin there as on SQLite (M0042). A database made since has
/// the table from its search index's creation (`SearchIndexSchema.create`), so here it is created only where
/// missing.
struct M0043_PostgresSearchWords: AsyncMigration {
    var name: String { "M0043_PostgresSearchWords" }

    func prepare(on database: any Database) async throws {
        guard database.sql.dialect.name != "sqlite" else { return }
        try await SearchWords.create(on: database.sql)
        try await SearchWords.refill(on: database)
    }

    func revert(on database: any Database) async throws {
        guard database.sql.dialect.name != "sqlite" else { return }
        try await database.sql.raw("DROP TABLE IF EXISTS search_words").run()
    }
}
