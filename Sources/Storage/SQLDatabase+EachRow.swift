import FluentSQLiteDriver
import SQLKit

extension SQLDatabase {
    /// Runs a query that reads many rows (the reach index's whole tables) and hands each row to `onRow` as
    /// it is read. On SQLite this reads on one connection through SQLiteNIO's async `query`, which calls
    /// back on its thread as it steps: the pooled path that `raw(_:).run(_:)` takes queues one event-loop
    /// task and keeps one future for every row (1.2 million at 100,000 people), which took most of the
    /// index's load time and memory. PostgreSQL's driver already streams.
    public func eachRow(_ query: SQLQueryString, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard let sqlite = self as? any SQLiteDatabase else { return try await raw(query).run(onRow) }
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        let text = serializer.sql
        try await sqlite.withConnection { connection in
            try await connection.query(text, binds) { row in onRow(row.sql()) }
        }
    }
}
