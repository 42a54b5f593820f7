import FluentKit
import SQLKit

/// A word's rows are kept in name order: the key becomes (record_type, token, sort_name, record_id), so the
/// people list filtered by a name reads a page of that word's rows as they lie and stops, at any size of the
/// registry. Keyed by visibility second, a common word's page had to walk every record in name order from the
/// first (a name with a community, page 3: 44 ms at a million people) or sort all of its matches. Visibility is
/// still in each row and checked there: nearly every row is open, so it narrowed nothing in the key.
/// - SQLite: the table is rebuilt `WITHOUT ROWID` with the new key; its name-order and record indexes again.
/// - PostgreSQL: the look-up index is made again in the new order.
struct M0044_NameTokensInNameOrderByWord: AsyncMigration {
    var name: String { "M0044_NameTokensInNameOrderByWord" }

    static let keyedByWordThenName = ["record_type", "token", "sort_name", "record_id"]
    static let keyedByWordThenVisibility = ["record_type", "token", "visibility", "record_id"]

    func prepare(on database: any Database) async throws {
        try await rekey(database, Self.keyedByWordThenName)
    }

    func revert(on database: any Database) async throws {
        try await rekey(database, Self.keyedByWordThenVisibility)
    }

    private func rekey(_ database: any Database, _ key: [String]) async throws {
        let sql = database.sql
        guard sql.dialect.name == "sqlite" else {
            let rest = ["sort_name", "visibility", "words", "community_id"].filter { !key.contains($0) }
            try await SQLIndex.drop(NameTokens.lookupIndex, in: database)
            try await SQLIndex.create(NameTokens.lookupIndex, on: NameTokens.schema, columns: key + rest, in: database)
            return
        }
        let columns = "record_type, token, visibility, record_id, sort_name, words, community_id"
        try await SQLiteTableRebuild.rebuild(NameTokens.schema, into: "name_tokens_rekeyed", as: """
            (record_type TEXT NOT NULL, token TEXT NOT NULL, visibility INTEGER NOT NULL, record_id UUID NOT NULL, \
            sort_name TEXT NOT NULL, words TEXT NOT NULL, community_id UUID, \
            PRIMARY KEY (\(key.joined(separator: ", ")))) WITHOUT ROWID
            """, copying: """
            INSERT INTO name_tokens_rekeyed (\(columns)) SELECT \(columns) FROM name_tokens ORDER BY \(key.joined(separator: ", "))
            """, on: database) { tx in
            try await SQLIndex.create(on: NameTokens.schema, [
                NameTokens.nameOrderIndex: M0040_NameTokensCarryCommunity.nameOrderColumns + ["community_id"],
                NameTokens.recordIndex: ["record_id"],
            ], in: tx)
        }
    }
}
