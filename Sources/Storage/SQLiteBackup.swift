import FluentSQLiteDriver
import Foundation
import SQLKit

/// The database's side of a SQLite backup. One file holds the whole record: a copy of the database, taken
/// with `VACUUM INTO` (a consistent snapshot while the server keeps serving), and the files the record points
/// at (photos, documents) as rows of a table of their own. Which files go in, and where they may land again,
/// is the caller's business (`Web/App/Backup`); PostgreSQL has pg_dump for all of this.
public enum SQLiteBackup {
    /// The table that carries the files; it exists only in backup files, never in a database in use.
    static let filesTable = "roundtable_backup_files"

    public struct Packed: Sendable, Equatable {
        public var files: Int
        public var bytes: Int
        /// People and engagements in the copy — what the backup holds, not what the live database holds
        /// by the time the files are packed.
        public var people = 0
        public var engagements = 0
    }

    /// Copies the database into a new file at `path`, then adds each of `files` (paths relative to their folder)
    /// to the copy, reading them one at a time so that memory holds one file, not all of them.
    public static func write(_ database: any Database, to path: String, files: [String], read: (String) throws -> Data) async throws -> Packed {
        try await database.sql.raw("VACUUM INTO \(bind: path)").run()
        // The copy is a file of its own: one connection of its own, not one of the pool's. Its foreign keys stay off,
        // as SQLite leaves them, because the files table refers to nothing.
        let connection = try await SQLiteConnection.open(storage: .file(path: path))
        do {
            let copy = connection.sql()
            try await copy.raw("CREATE TABLE \(ident: filesTable) (path TEXT PRIMARY KEY, data BLOB NOT NULL)").run()
            var packed = Packed(files: 0, bytes: 0)
            for relative in files {
                let data = try read(relative)
                try await copy.raw("INSERT INTO \(ident: filesTable) (path, data) VALUES (\(bind: relative), \(bind: data))").run()
                packed.files += 1
                packed.bytes += data.count
            }
            packed.people = try await copy.raw("SELECT COUNT(*) AS n FROM \(ident: PersonModel.schema)").first()?.decode(column: "n", as: Int.self) ?? 0
            packed.engagements = try await copy.raw("SELECT COUNT(*) AS n FROM \(ident: EngagementModel.schema)").first()?.decode(column: "n", as: Int.self) ?? 0
            try await connection.close()
            return packed
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Whether a database (a backup file copied into place) carries a backup's files.
    public static func isBackup(_ database: any Database) async throws -> Bool {
        try await !database.sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = \(bind: filesTable)").all().isEmpty
    }

    /// Hands each file the backup carries to `write` (its path relative to its folder, as it was packed, and its
    /// bytes), then drops the files' table, so that the restored database is like any other.
    public static func unpack(_ database: any Database, write: (String, Data) throws -> Bool) async throws -> Packed {
        let sql = database.sql
        var unpacked = Packed(files: 0, bytes: 0)
        for row in try await sql.raw("SELECT path, data FROM \(ident: filesTable)").all() {
            let relative = try row.decode(column: "path", as: String.self)
            let data = try row.decode(column: "data", as: Data.self)
            guard try write(relative, data) else { continue }
            unpacked.files += 1
            unpacked.bytes += data.count
        }
        try await sql.raw("DROP TABLE \(ident: filesTable)").run()
        return unpacked
    }
}
