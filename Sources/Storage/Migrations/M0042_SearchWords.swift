import FluentKit
import SQLKit

/// SQLite: the search index's words in a table of their own, so a search names the words its prefixes stand
/// for instead of asking FTS5 to merge every word a prefix begins (`SearchWords`). Filled from the index. A
/// database made since has the table from its search index's creation (`SearchIndexSchema.create`, which
/// every document's write needs), so here it is created only where missing.
struct M0042_SearchWords: AsyncMigration {
    var name: String { "M0042_SearchWords" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "sqlite" else { return }
        try await SearchWords.create(on: sql)
        try await SearchWords.refill(on: database)
    }

    func revert(on database: any Database) async throws {
        guard database.sql.dialect.name == "sqlite" else { return }
        try await database.sql.raw("DROP TABLE IF EXISTS search_words").run()
    }
}
