import FluentKit
import SQLKit

/// A person's name words carry their community, so that the people list filtered by a name and a community
/// is answered from the words alone. Before, it counted the name's matches in the words and then walked the
/// community's people checking each against them: at 100,000 people, "jovanovic" in one community took
/// 24 ms on PostgreSQL (×2.3 SQLite), which looked each of 2,000 matches up by identity.
/// The indexes that lists read the words through cover the new column, so they are still read alone
/// (on SQLite the look-up reads the table by its own key, which holds every column).
struct M0040_NameTokensCarryCommunity: AsyncMigration {
    var name: String { "M0040_NameTokensCarryCommunity" }

    static let lookupColumns = ["record_type", "token", "visibility", "record_id", "sort_name", "words"]
    static let nameOrderColumns = ["record_type", "sort_name", "record_id", "token", "visibility", "words"]

    func prepare(on database: any Database) async throws {
        try await database.schema(NameTokens.schema).field("community_id", .uuid).update()
        let sql = database.sql
        try await sql.raw("""
            UPDATE \(ident: NameTokens.schema) SET community_id = \
            (SELECT p.community_id FROM people p WHERE p.id = \(ident: NameTokens.schema).record_id) \
            WHERE record_type = 'person'
            """).run()
        try await rebuildIndexes(database, adding: ["community_id"])
    }

    func revert(on database: any Database) async throws {
        try await rebuildIndexes(database, adding: [])
        try await database.schema(NameTokens.schema).deleteField("community_id").update()
    }

    private func rebuildIndexes(_ database: any Database, adding extra: [String]) async throws {
        try await SQLIndex.drop(NameTokens.nameOrderIndex, in: database)
        try await SQLIndex.create(NameTokens.nameOrderIndex, on: NameTokens.schema, columns: Self.nameOrderColumns + extra, in: database)
        guard database.sql.dialect.name == "postgresql" else { return }
        try await SQLIndex.drop(NameTokens.lookupIndex, in: database)
        try await SQLIndex.create(NameTokens.lookupIndex, on: NameTokens.schema, columns: Self.lookupColumns + extra, in: database)
    }
}
