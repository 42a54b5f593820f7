import FluentKit
import SQLKit

/// PostgreSQL reads `deleted_at IS NULL` on an index's first column as a filter, not as a constant, so an
/// index on `(deleted_at, sort_name, id)` cannot give live people in name order: at 100,000 people the
/// list read every row and sorted them (31 ms against SQLite's 3). Partial indexes over live rows give
/// the order directly, with the list's other equality filters (sensitivity, community, kind, level) in
/// front. SQLite treats `IS NULL` as an equality and keeps using the indexes it has; nothing to add there.
/// `PostgresPlanTests` reads `EXPLAIN` for the hot lists so that a change cannot quietly lose these.
struct M0039_PostgresLiveIndexes: AsyncMigration {
    var name: String { "M0039_PostgresLiveIndexes" }

    static let indexes: [(name: String, table: String, columns: String)] = [
        ("people_live_by_name", "people", "sort_name, id"),
        ("people_live_by_sensitivity", "people", "sensitivity, sort_name, id"),
        ("people_live_by_community", "people", "community_id, sort_name, id"),
        ("organizations_live_by_name", "organizations", "sort_name, id"),
        ("organizations_live_by_kind", "organizations", "kind, sort_name, id"),
        ("organizations_live_by_level", "organizations", "level, sort_name, id"),
        ("engagements_live_by_start", "engagements", "starts_at, id"),
        ("field_visits_live_by_start", "field_visits", "starts_on, id"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        for index in Self.indexes {
            // Names from the list above, never from input.
            let create: SQLQueryString = """
                CREATE INDEX IF NOT EXISTS \(unsafeRaw: index.name) ON \(unsafeRaw: index.table) (\(unsafeRaw: index.columns)) \
                WHERE deleted_at IS NULL
                """
            try await sql.raw(create).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        for index in Self.indexes { try await sql.raw(SQLQueryString("DROP INDEX IF EXISTS \(unsafeRaw: index.name)")).run() }
    }
}
