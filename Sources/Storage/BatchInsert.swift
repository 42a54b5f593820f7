import Domain
import Foundation
import SQLKit

/// Many rows in one statement, for imports and index rebuilds.
///
/// On SQLite the rows travel as one JSON text that SQLite takes apart itself (`json_each`): binding ten
/// thousand values one by one through SQLKit cost more than the insert (each bind's type is looked up at
/// run time), about 60 ms a batch of 500 people against 5 ms. PostgreSQL gets ordinary binds.
public enum BatchInsert {
    public enum Value: Sendable {
        case text(String)
        case int(Int)
        case real(Double)
        case uuid(UUID)
        case date(Date)
        case null

        public static func text(_ value: String?) -> Value { value.map { .text($0) } ?? .null }
        public static func uuid(_ value: UUID?) -> Value { value.map { .uuid($0) } ?? .null }
        public static func date(_ value: Date?) -> Value { value.map { .date($0) } ?? .null }
    }

    public static func insert(into table: String, columns: [String], rows: [[Value]], sql: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        if sql.dialect.name == "sqlite" {
            // As Fluent stores them on SQLite: identities as upper-case text, times as seconds since 1970.
            var json: [UInt8] = [UInt8(ascii: "[")]
            json.reserveCapacity(rows.count * columns.count * 24)
            for (index, row) in rows.enumerated() {
                JSONText.append(index == 0 ? "[" : ",[", to: &json)
                for (column, value) in row.enumerated() {
                    if column > 0 { json.append(UInt8(ascii: ",")) }
                    switch value {
                    case let .text(text): JSONText.quoted(text, into: &json)
                    case let .int(int): JSONText.append(String(int), to: &json)
                    case let .real(real): JSONText.append(String(real), to: &json)
                    case let .uuid(uuid): JSONText.append("\"" + uuid.uuidString + "\"", to: &json)
                    case let .date(date): JSONText.append(String(date.timeIntervalSince1970), to: &json)
                    case .null: JSONText.append("null", to: &json)
                    }
                }
                json.append(UInt8(ascii: "]"))
            }
            json.append(UInt8(ascii: "]"))
            let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let values = columns.indices.map { "value ->> \($0)" }.joined(separator: ", ")
            // OR FAIL, not the default ABORT: a failure ends the whole import anyway, and ABORT made SQLite keep a
            // statement journal of every page the statement touched, to undo just that statement.
            try await sql.raw("INSERT OR FAIL INTO \(ident: table) (\(unsafeRaw: names)) SELECT \(unsafeRaw: values) FROM json_each(\(bind: String(decoding: json, as: UTF8.self)))").run()
            return
        }
        // PostgreSQL allows 65,535 binds a statement.
        let perStatement = max(1, 60_000 / max(columns.count, 1))
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<min(start + perStatement, rows.count)] {
                insert = insert.values(row.map { value -> any SQLExpression in
                    switch value {
                    case let .text(text): return SQLBind(text)
                    case let .int(int): return SQLBind(int)
                    case let .real(real): return SQLBind(real)
                    case let .uuid(uuid): return SQLBind(uuid)
                    case let .date(date): return SQLBind(date)
                    case .null: return SQLLiteral.null
                    }
                })
            }
            try await insert.run()
        }
    }
}
