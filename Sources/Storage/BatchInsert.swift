import Domain
import FluentSQLiteDriver
import Foundation
import SQLKit

/// Many rows in one statement, for imports and index rebuilds.
///
/// On SQLite the values go straight to SQLite as its own values (`SQLiteData`), many rows to a statement:
/// SQLKit's binds look each value's type up at run time and cost more than the insert (about 60 ms a batch
/// of 500 people against 5 ms), and sending the rows as one JSON text for `json_each` made SQLite walk
/// the JSON array again for every column (2.7 s for 100,000 people's records, against 1.3 s bound).
/// PostgreSQL gets SQLKit's binds, which it sends typed.
public enum BatchInsert {
    public enum Value: Sendable {
        case text(String)
        case int(Int)
        case bool(Bool)
        case real(Double)
        case uuid(UUID)
        case date(Date)
        case null

        public static func text(_ value: String?) -> Value { value.map { .text($0) } ?? .null }
        public static func uuid(_ value: UUID?) -> Value { value.map { .uuid($0) } ?? .null }
        public static func date(_ value: Date?) -> Value { value.map { .date($0) } ?? .null }

        /// As Fluent stores them on SQLite: identities as upper-case text, times as seconds since 1970.
        var sqlite: SQLiteData {
            switch self {
            case let .text(text): .text(text)
            case let .int(int): .integer(int)
            case let .bool(bool): .integer(bool ? 1 : 0)
            case let .real(real): .float(real)
            case let .uuid(uuid): .text(UUIDText.upperCase(uuid))
            case let .date(date): .float(date.timeIntervalSince1970)
            case .null: .null
            }
        }

        var sqlExpression: any SQLExpression {
            switch self {
            case let .text(text): SQLBind(text)
            case let .int(int): SQLBind(int)
            case let .bool(bool): SQLBind(bool)
            case let .real(real): SQLBind(real)
            case let .uuid(uuid): SQLBind(uuid)
            case let .date(date): SQLBind(date)
            case .null: SQLLiteral.null
            }
        }
    }

    /// What a row whose key is already stored does.
    public enum Conflict: Sendable {
        /// Fails the statement (and so the import or rebuild it belongs to).
        case fail
        /// Adds its value of `column` to the stored row's (a count changed by what was written).
        case add(key: [String], column: String)
    }

    public static func insert(into table: String, columns: [String], rows: [[Value]], onConflict conflict: Conflict = .fail,
                              sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        if let sqlite = sql as? any SQLiteDatabase {
            try await insert(into: table, columns: columns, rows: rows, conflict: conflict, sqlite: sqlite)
            return
        }
        // PostgreSQL allows 65,535 binds a statement.
        let perStatement = max(1, 60_000 / max(columns.count, 1))
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var insert = sql.insert(into: table).columns(columns)
            if case let .add(key, column) = conflict {
                insert = insert.onConflict(with: key) { update in
                    update.set(SQLIdentifier(column), to: SQLBinaryExpression(SQLColumn(column, table: table), .add, SQLExcludedColumn(column)))
                }
            }
            for row in rows[start..<min(start + perStatement, rows.count)] {
                insert = insert.values(row.map(\.sqlExpression))
            }
            try await insert.run()
        }
    }

    private static func insert(into table: String, columns: [String], rows: [[Value]], conflict: Conflict, sqlite: any SQLiteDatabase) async throws {
        // SQLite (as built by SQLiteNIO) takes 250,000 values a statement; 30,000 keeps a statement's text short.
        let perStatement = max(1, 30_000 / max(columns.count, 1))
        // OR FAIL, not the default ABORT: a failure ends the whole import anyway, and ABORT made SQLite keep a
        // statement journal of every page the statement touched, to undo just that statement.
        let head = "INSERT OR FAIL INTO \"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
        var tail = ""
        if case let .add(key, column) = conflict {
            tail = " ON CONFLICT (\(key.map { "\"\($0)\"" }.joined(separator: ", "))) DO UPDATE SET \"\(column)\" = \"\(column)\" + excluded.\"\(column)\""
        }
        let rowOfMarkers = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let slice = rows[start..<min(start + perStatement, rows.count)]
            var binds: [SQLiteData] = []
            binds.reserveCapacity(slice.count * columns.count)
            for row in slice {
                precondition(row.count == columns.count, "a row of \(row.count) values for \(columns.count) columns")
                for value in row { binds.append(value.sqlite) }
            }
            let statement = head + Array(repeating: rowOfMarkers, count: slice.count).joined(separator: ",") + tail
            try await sqlite.query(statement, binds) { _ in }
        }
    }
}
