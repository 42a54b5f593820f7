import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

extension SQLDatabase {
    /// Runs a query that reads many rows (the reach index's whole tables) and hands each row to `onRow` as
    /// it is read. On SQLite this reads on one connection through SQLiteNIO's async `query`, which calls
    /// back on its thread as it steps: the pooled path that `raw(_:).run(_:)` takes queues one event-loop
    /// task and keeps one future for every row (1.2 million at 100,000 people), which took most of the
    /// index's load time and memory. PostgreSQL's driver already streams. Rows come as `ScannedRow`s,
    /// read without `Codable` on SQLite.
    public func eachRow(_ query: SQLQueryString, _ onRow: @escaping @Sendable (ScannedRow) -> Void) async throws {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let text = serializer.sql
        if let sqlite = self as? any SQLiteDatabase {
            let encoder = SQLiteDataEncoder()
            let binds = try serializer.binds.map { try encoder.encode($0) }
            try await sqlite.withConnection { connection in
                try await connection.query(text, binds) { row in onRow(ScannedRow(source: .sqlite(row))) }
            }
        } else if let postgres = self as? any PostgresDatabase {
            var bindings = PostgresBindings(capacity: serializer.binds.count)
            for bind in serializer.binds {
                switch bind {
                case let uuid as UUID: bindings.append(uuid)
                case let string as String: bindings.append(string)
                default: throw UnsupportedBind(type: "\(type(of: bind))")
                }
            }
            let query = PostgresQuery(unsafeSQL: text, binds: bindings)
            _ = try await postgres.withConnection { connection in
                connection.query(query, logger: postgres.logger) { row in onRow(ScannedRow(source: .postgres(row.makeRandomAccess()))) }
            }.get()
        } else {
            preconditionFailure("Roundtable runs on SQLite or PostgreSQL")
        }
    }
}

/// A whole-table read binds identities and text only (all the reach index filters by); anything else is a
/// defect in the query, said by its type (never its value).
public struct UnsupportedBind: Error, CustomStringConvertible {
    public let type: String
    public var description: String { "a whole-table read cannot bind a \(type) on PostgreSQL" }
}
