import FluentKit
import FluentPostgresDriver
import FluentSQL
import Foundation
import Logging
import SQLKit
import Synchronization

/// Hot reads built with SQLKit, prepared once on each PostgreSQL connection and reused there.
///
/// PostgreSQL parses and plans every unnamed statement (what SQLKit and Fluent send), and on the pages that
/// read a few rows by an identity that took more than running them: on a person's page the joined positions
/// took 1.9 ms to plan and 0.07 ms to run, the engagements with them 0.8 ms against 0.15 ms (PostgreSQL's
/// statement log, docs/benchmarks.md). A prepared statement is parsed once per connection, and after five runs
/// PostgreSQL keeps a generic plan when it costs no more, so a run is then only bound and executed.
///
/// `FixedQuery` does this for a text written out by hand. This does it for a query a builder assembles, whose
/// text depends on a few choices (whether the reader may see restricted records, which filters are set):
/// the text is serialised as usual, and each distinct text gets a statement name of its own. PostgresNIO
/// reads a prepared statement's name and text from its type; `PreparedText.current`, a task-local set around
/// the one call, is how a text known only at run time reaches it.
///
/// A connection keeps every statement prepared on it until it closes, so only texts from a bounded set of
/// shapes belong here, never one that grows with its input (an `IN` list of any length, see `SQLAnyOf`). The
/// process names at most `StatementNames.limit` texts and sends any further one as an ordinary statement, as
/// it does a value PostgresNIO cannot bind as it stands (one SQLKit would encode through Codable).
/// SQLite prepares in microseconds; it runs the query as it always did.
public enum PreparedSQL {
    /// The statement names given in this process.
    static let names = StatementNames(limit: StatementNames.limit)

    /// The rows of `query` on `database` as a prepared statement, or nil where it is not one (SQLite; a text
    /// past the limit of names; a value PostgresNIO does not bind itself): the caller then runs it as usual.
    static func rows(_ query: any SQLExpression, on database: any SQLDatabase) async throws -> [any SQLRow]? {
        guard let postgres = database as? any PostgresDatabase else { return nil }
        let (text, binds) = database.serialize(query)
        guard let bound = postgresBindings(binds), let name = names.name(for: text, types: bound.types) else { return nil }
        let statement = PreparedText(name: name, sql: text, types: bound.types), bindings = bound.bindings
        let logger = database.logger
        // Logged as SQLKit logs the statements it sends (at the database's level, `trace`), so that a statement
        // log or `ROUNDTABLE_CAPTURE_STATEMENTS` still sees every statement a page sends.
        if let level = database.queryLogLevel {
            logger.log(level: level, "Executing query", metadata: ["sql": .string(text), "binds": .array(binds.map { .string("\($0)") })])
        }
        return try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await PreparedText.$current.withValue(statement) {
                    var rows: [any SQLRow] = []
                    for try await row in try await connection.execute(PreparedBuiltQuery(bindings: bindings), logger: logger) {
                        rows.append(row)
                    }
                    return rows
                }
            }
        }.get()
    }

    /// The values as PostgresNIO binds them, with their types; nil if one is not a value PostgresNIO encodes
    /// itself (text, numbers, identities, instants, booleans, arrays of those).
    static func postgresBindings(_ binds: [any Encodable & Sendable]) -> (bindings: PostgresBindings, types: [PostgresDataType])? {
        var bindings = PostgresBindings(capacity: binds.count)
        var types: [PostgresDataType] = []
        for bind in binds {
            guard let value = bind as? any PostgresThrowingDynamicTypeEncodable, (try? bindings.append(value)) != nil else { return nil }
            types.append(value.psqlType)
        }
        return (bindings, types)
    }
}

/// A name for each distinct statement text, up to a limit: the same text bound with values of other types is
/// another statement.
final class StatementNames: Sendable {
    /// How many distinct texts a process prepares at most (so on each connection).
    static let limit = 200

    private struct Text: Hashable {
        let sql: String
        let types: [UInt32]
    }

    private let limit: Int
    private let names = Mutex<[Text: String]>([:])

    init(limit: Int) { self.limit = limit }

    /// The name of this text's statement, or nil once `limit` texts have names.
    func name(for sql: String, types: [PostgresDataType]) -> String? {
        let text = Text(sql: sql, types: types.map(\.rawValue))
        return names.withLock { names in
            if let name = names[text] { return name }
            guard names.count < limit else { return nil }
            let name = "roundtable_built_\(names.count + 1)"
            names[text] = name
            return name
        }
    }
}

/// The statement `PreparedSQL` is running in this task.
struct PreparedText: Sendable {
    @TaskLocal static var current: PreparedText?

    let name: String, sql: String, types: [PostgresDataType]
}

/// What PostgresNIO prepares and runs for `PreparedSQL`: its name, text and value types are the task's
/// `PreparedText`, read by PostgresNIO while it sends the statement.
struct PreparedBuiltQuery: PostgresPreparedStatement {
    static var name: String { current.name }
    static var sql: String { current.sql }
    static var bindingDataTypes: [PostgresDataType] { current.types }

    private static var current: PreparedText {
        guard let text = PreparedText.current else { preconditionFailure("PreparedBuiltQuery runs only inside PreparedSQL.rows") }
        return text
    }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }

    func decodeRow(_ row: PostgresRow) throws -> any SQLRow { row.sql() }
}

extension SQLQueryFetcher {
    /// The rows of this query, prepared once per PostgreSQL connection (see `PreparedSQL`): for a hot read whose
    /// text comes from a bounded set of shapes.
    public func allPrepared() async throws -> [any SQLRow] {
        if let rows = try await PreparedSQL.rows(query, on: database) { return rows }
        return try await all()
    }

    /// `allPrepared()` where `prepared`, else `all()`: for a read prepared only in the cases where one plan suits
    /// every value (a first page, no filter whose best plan depends on what it names).
    public func all(prepared: Bool) async throws -> [any SQLRow] {
        prepared ? try await allPrepared() : try await all()
    }

    /// The same, each row read as a model (the select names the model's columns: `Model.selectColumns`).
    public func allPrepared<Row: Model>(decoding model: Row.Type) async throws -> [Row] {
        try await allPrepared().map { try $0.decode(fluentModel: Row.self) }
    }
}

extension Model {
    /// A select of this model's columns from its table, to read as models with `allPrepared(decoding:)`. The
    /// columns are named rather than `*`: PostgreSQL plans a prepared statement again when its tables change,
    /// but refuses one whose rows would change shape, as `*` would when an upgrade adds a column under a
    /// running server.
    public static func selectColumns(on database: any Database) -> SQLSelectBuilder {
        database.sql.select().columns(keys.map { SQLColumn($0.description) }).from(schema)
    }

    /// The row with this identity, deleted or not, read as a prepared statement on PostgreSQL (see `PreparedSQL`):
    /// every record's page starts by finding it, and Fluent's `find` was planned anew each time.
    public static func findPrepared(_ id: IDValue, on database: any Database) async throws -> Self? where IDValue == UUID {
        try await selectColumns(on: database).where(SQLColumn("id"), .equal, SQLBind(id)).limit(1)
            .allPrepared(decoding: Self.self).first
    }
}
