import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SQLKit

/// One row of a whole-table read (`SQLDatabase.eachRow`), its columns read by name as the few types the
/// reach index needs. On SQLite the values are taken from the driver's own row without `Codable`: going
/// through `SQLiteDataDecoder` (a decoder, a container and a protocol look-up for every value) and
/// Foundation's identity parser was most of the index's load at 2.5 million values. On PostgreSQL they are
/// read from the driver's row through `PostgresDecodable`: SQLKit's generic decoding of that row spent the
/// load on metadata look-ups and reference counting.
public struct ScannedRow: Sendable {
    enum Source: Sendable {
        case sqlite(SQLiteRow)
        case postgres(PostgresRandomAccessRow)
    }

    let source: Source

    /// A column that is missing or holds something other than what was asked for: the query and the
    /// schema disagree, which is a defect, so it is loud.
    public struct Unreadable: Error, CustomStringConvertible {
        public let column: String
        public let expected: String
        public var description: String { "column \(column) is not \(expected)" }
    }

    public func uuid(_ column: String) throws -> UUID {
        guard let uuid = try uuidOrNil(column) else { throw Unreadable(column: column, expected: "an identity") }
        return uuid
    }

    public func uuidOrNil(_ column: String) throws -> UUID? {
        switch source {
        case .sqlite(let row):
            // Text or sixteen bytes, as every identity SQLite gives back is read (`UUID+SQLiteData`).
            switch row.column(column) {
            case .null?: return nil
            case let value?:
                guard let uuid = UUID(sqliteData: value) else { throw Unreadable(column: column, expected: "an identity") }
                return uuid
            case nil: throw Unreadable(column: column, expected: "an identity")
            }
        case .postgres(let row):
            return try cell(row, column).decode(UUID?.self)
        }
    }

    public func text(_ column: String) throws -> String {
        guard let text = try textOrNil(column) else { throw Unreadable(column: column, expected: "text") }
        return text
    }

    public func textOrNil(_ column: String) throws -> String? {
        switch source {
        case .sqlite(let row):
            switch row.column(column) {
            case .text(let text)?: return text
            case .null?: return nil
            default: throw Unreadable(column: column, expected: "text")
            }
        case .postgres(let row):
            return try cell(row, column).decode(String?.self)
        }
    }

    /// Whether the column holds NULL (a `deleted_at`: only whether there is one matters).
    public func isNull(_ column: String) throws -> Bool {
        switch source {
        case .sqlite(let row):
            guard let value = row.column(column) else { throw Unreadable(column: column, expected: "a column of the query") }
            return value == .null
        case .postgres(let row):
            return try cell(row, column).bytes == nil
        }
    }

    private func cell(_ row: PostgresRandomAccessRow, _ column: String) throws -> PostgresCell {
        guard row.contains(column) else { throw Unreadable(column: column, expected: "a column of the query") }
        return row[column]
    }
}
