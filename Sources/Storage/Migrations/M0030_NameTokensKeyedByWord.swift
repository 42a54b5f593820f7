import FluentKit
import SQLKit

/// Name words lose their own identity and are keyed by what they are looked up by (see `NameTokens`).
/// Each word row was written five times over — the table, its identity's index and three indexes — and
/// an import of 100,000 people spent more time on these rows than on the people.
/// - SQLite: the table is rebuilt `WITHOUT ROWID` with the key (record_type, token, visibility, record_id),
///   which replaces the look-up index; the name-order and record indexes are built again.
/// - PostgreSQL: the identity column goes; the table and its indexes stay as they are.
struct M0030_NameTokensKeyedByWord: AsyncMigration {
    var name: String { "M0030_NameTokensKeyedByWord" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "sqlite" else {
            try await sql.raw("ALTER TABLE \(ident: NameTokens.schema) DROP COLUMN id").run()
            return
        }
        // A word appears once per record already; OR IGNORE keeps the rebuild from failing on a stray repeat.
        try await SQLiteTableRebuild.rebuild(NameTokens.schema, into: "name_tokens_keyed", as: """
            (record_type TEXT NOT NULL, token TEXT NOT NULL, visibility INTEGER NOT NULL, record_id UUID NOT NULL, \
            sort_name TEXT NOT NULL, words TEXT NOT NULL, PRIMARY KEY (record_type, token, visibility, record_id)) WITHOUT ROWID
            """, copying: """
            INSERT OR IGNORE INTO name_tokens_keyed (record_type, token, visibility, record_id, sort_name, words) \
            SELECT record_type, token, visibility, record_id, sort_name, words FROM name_tokens
            """, on: database, indexes: Self.createIndexes)
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "sqlite" else {
            try await sql.raw("ALTER TABLE \(ident: NameTokens.schema) ADD COLUMN id UUID NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY").run()
            return
        }
        try await SQLiteTableRebuild.rebuild(NameTokens.schema, into: "name_tokens_identified", as: """
            ("id" UUID PRIMARY KEY, "record_type" TEXT NOT NULL, "record_id" UUID NOT NULL, "token" TEXT NOT NULL, \
            "sort_name" TEXT NOT NULL DEFAULT '', "visibility" INTEGER NOT NULL DEFAULT 0, "words" TEXT NOT NULL DEFAULT '')
            """, copying: """
            INSERT INTO name_tokens_identified (id, record_type, record_id, token, sort_name, visibility, words) \
            SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-A' || substr(h, 18, 3) || '-' || substr(h, 21, 12)), \
            record_type, record_id, token, sort_name, visibility, words FROM (SELECT hex(randomblob(16)) AS h, * FROM name_tokens)
            """, on: database) { tx in
            try await SQLIndex.create(NameTokens.lookupIndex, on: NameTokens.schema,
                                      columns: ["record_type", "token", "visibility", "record_id", "sort_name", "words"], in: tx)
            try await Self.createIndexes(in: tx)
        }
    }

    @Sendable private static func createIndexes(in database: any Database) async throws {
        try await SQLIndex.create(NameTokens.nameOrderIndex, on: NameTokens.schema,
                                  columns: ["record_type", "sort_name", "record_id", "token", "visibility", "words"], in: database)
        try await SQLIndex.create(NameTokens.recordIndex, on: NameTokens.schema, columns: ["record_id"], in: database)
    }
}
