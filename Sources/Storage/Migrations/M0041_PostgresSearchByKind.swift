import FluentKit

/// PostgreSQL's search vector holds each word with the code of its record's kind and restriction, as SQLite's
/// FTS5 tokens do, so that a search for one kind reads only that kind's postings (`SearchIndexSchema`).
/// The vector is generated from the row, so the documents stay as they are.
struct M0041_PostgresSearchByKind: AsyncMigration {
    var name: String { "M0041_PostgresSearchByKind" }

    func prepare(on database: any Database) async throws {
        try await SearchIndexSchema.replacePostgresVector(coded: true, on: database)
    }

    func revert(on database: any Database) async throws {
        try await SearchIndexSchema.replacePostgresVector(coded: false, on: database)
    }
}
