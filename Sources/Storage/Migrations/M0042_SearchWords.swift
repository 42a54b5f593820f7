import FluentKit
import SQLKit

/// The search index's words in a table of their own, so a search names the words its prefixes stand for
/// instead of asking for prefixes (`SearchWords`). Filled from the index. A
/// database made since has the table from its search index's creation (`SearchIndexSchema.create`, which
/// every document's write needs), so here it is created only where missing.
struct M0042_SearchWords: AsyncMigration {
    var name: String { "M0042_SearchWords" }

    func prepare(on database: any Database) async throws {
        try await SearchWords.create(on: database.sql)
        try await SearchWords.refill(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("DROP TABLE IF EXISTS search_words").run()
    }
}
