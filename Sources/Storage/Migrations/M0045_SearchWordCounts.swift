import FluentKit
import SQLKit

/// Each of the search index's words counts the documents that hold it (`SearchWords`), so that a search for
/// a common word knows it has more matches than it counts without counting them. Filled from the index.
struct M0045_SearchWordCounts: AsyncMigration {
    var name: String { "M0045_SearchWordCounts" }

    func prepare(on database: any Database) async throws {
        try await SearchWords.addDocumentCounts(on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.sql.raw("ALTER TABLE search_words DROP COLUMN documents").run()
    }
}
