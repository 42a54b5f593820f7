import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import SQLKit

/// Turns a `DatabaseLocation` into a Fluent configuration, with the SQLite settings Roundtable relies on.
public enum DatabaseSetup {
    /// Statements are logged, with their values, only at `trace` (people's names and notes are among the
    /// values: not at `debug`, PostgreSQL's default) and on SQLite only when `logStatements` asks.
    /// `memoryIdentifier` names an in-memory database (see `memoryFiles`).
    public static func configuration(
        for location: DatabaseLocation, searchPath: [String]? = nil, connectionsPerEventLoop: Int = 4, logStatements: Bool = false,
        memoryIdentifier: String = UUID().uuidString
    ) throws -> DatabaseConfigurationFactory {
        let sqliteLogLevel: Logger.Level? = logStatements ? .trace : nil
        switch location {
        case .sqliteMemory:
            return .sqlite(.init(storage: .memory(identifier: memoryIdentifier), enableForeignKeys: true), sqlLogLevel: sqliteLogLevel)
        case .sqliteFile(let path):
            return .sqlite(.init(storage: .file(path: path), enableForeignKeys: true), sqlLogLevel: sqliteLogLevel)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let searchPath { configuration.searchPath = searchPath }
            return .postgres(configuration: configuration, maxConnectionsPerEventLoop: connectionsPerEventLoop,
                             encodingContext: .default, decodingContext: .default, sqlLogLevel: .trace)
        }
    }

    /// The files sqlite-kit keeps an "in-memory" database in. Its SQLite is built without a shared cache, so
    /// the connections of one in-memory database share a temporary file instead, named after the process and
    /// the identifier, and nothing removes it: every test left one behind, some 400 MB in the temporary folder a
    /// run of the suite. The app removes these when it shuts down (`Roundtable.configure`).
    public static func memoryFiles(identifier: String) -> [URL] {
        let name = "sqlite-kit_memorydb-\(ProcessInfo.processInfo.processIdentifier)-\(identifier).sqlite3"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(name.replacingOccurrences(of: "/", with: "-"))
        return ["", "-wal", "-shm", "-journal"].map { URL(fileURLWithPath: file.path + $0) }
    }

    public static func databaseID(for location: DatabaseLocation) -> DatabaseID {
        location.isPostgres ? .psql : .sqlite
    }

    /// Settings that must hold before anything else touches the database.
    /// WAL lets readers go on while one writer writes; it is a property of the file, so once is enough.
    /// (sqlite-nio installs a busy handler that waits for a lock rather than failing at once.)
    public static func prepare(_ database: any Database, location: DatabaseLocation, searchPath: [String]? = nil) async throws {
        let sql = database.sql
        switch location {
        case .sqliteFile:
            // 16 KB pages rather than 4 KB for a new file (an existing one keeps its size): fewer, shallower
            // B-tree levels and fewer page splits; writing 100,000 imported people took a quarter less time.
            try await sql.raw("PRAGMA page_size=16384").run()
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            // Refreshes the planner's statistics when they are stale, so that the name filter's sub-query
            // and the list's indexes are chosen well on large registries.
            try await sql.raw("PRAGMA analysis_limit=2000").run()
            try await sql.raw("PRAGMA optimize=0x10002").run()
        case .postgres:
            // A private schema (tests run in parallel, each in its own) must exist before migrating into it.
            if let schema = searchPath?.first {
                try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            }
        case .sqliteMemory:
            // sqlite-kit keeps an "in-memory" database in a temporary file (`memoryFiles`), which by default
            // journals each write to a file of its own, created, synced and deleted again, and checks for a
            // left-over journal before every read. WAL, as for a real file, keeps the tests on the same path
            // as the server; and nothing of a database thrown away at the end needs syncing to the disk.
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=OFF").run()
        }
    }

    /// Runs `body` while no other process of this installation runs it: work done once per installation
    /// (migrations, the demo data) must not be done by three servers started at the same moment. Fluent's
    /// migrator takes no lock: two processes both saw a migration pending and the second failed on its
    /// `CREATE TABLE` (or both loaded the demo). On PostgreSQL this holds a session advisory lock, keyed by
    /// the schema, on one connection and hands `body` that connection, so everything it does is under the
    /// lock; the others wait for it and then find nothing left to do. The lock goes with the connection, so
    /// a process killed while holding it releases it. A SQLite file has one process by design; in memory, one.
    public static func exclusively<T: Sendable>(
        _ database: any Database, location: DatabaseLocation, searchPath: [String]? = nil,
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        guard location.isPostgres else { return try await body(database) }
        let scope = "roundtable:" + (searchPath?.first ?? "public")
        return try await database.withConnection { connection in
            let sql = connection.sql
            try await sql.raw("SELECT pg_advisory_lock(\(bind: installationLock), hashtext(\(bind: scope)))").run()
            do {
                let result = try await body(connection)
                try await sql.raw("SELECT pg_advisory_unlock(\(bind: installationLock), hashtext(\(bind: scope)))").run()
                return result
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(bind: installationLock), hashtext(\(bind: scope)))").run()
                throw error
            }
        }
    }

    /// The first half of the advisory lock's key ("RTMG"); the second is the schema's hash.
    static let installationLock: Int32 = 0x5254_4D47

    /// SQLite settings that belong to a connection rather than to the file, for each of the connections.
    /// - synchronous NORMAL: with WAL, a commit survives a crash of the process (not of the machine's power).
    /// - a 32 MB page cache and reads through memory mapping: at 100,000 people the name filter reads
    ///   thousands of index pages, and the default 2 MB cache sent most of them back to the kernel.
    public static func configureConnections(_ databases: [any Database], location: DatabaseLocation) async throws {
        if case .sqliteMemory = location {
            // Syncing is a connection's setting; see `prepare`.
            for database in databases { try await database.sql.raw("PRAGMA synchronous=OFF").run() }
            return
        }
        guard case .sqliteFile = location else { return }
        for database in databases {
            let sql = database.sql
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            try await sql.raw("PRAGMA cache_size=-32768").run()
            try await sql.raw("PRAGMA mmap_size=268435456").run()
            try await sql.raw("PRAGMA temp_store=MEMORY").run()
            // What is deleted is overwritten with zeros, not left in free space: an erased person's name
            // must not be readable in the file afterwards.
            try await sql.raw("PRAGMA secure_delete=ON").run()
        }
    }

    /// A short statement of the database's state, for `/healthz`.
    public static func health(_ database: any Database) async -> (ok: Bool, detail: String) {
        let sql = database.sql
        do {
            try await sql.raw("SELECT 1").run()
            return (true, "reachable")
        } catch {
            return (false, "unreachable")
        }
    }
}
