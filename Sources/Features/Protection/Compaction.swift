import FluentKit
import SQLKit
import Storage

/// After an erasure, SQLite keeps no trace of what went: deleted content is zeroed as it is deleted
/// (`secure_delete`, set on every connection), the search index's merged segments drop deleted words (and
/// its list of words, `SearchWords`, is read again from them),
/// the write-ahead log is emptied into the file, and the file is rewritten. PostgreSQL's dumps hold live
/// rows only; its own free space is reclaimed by autovacuum. There the erased person's `words` (their
/// document's) leave the search's list of words unless another document holds them (`SearchWords.prune`).
enum Compaction {
    static func afterErasure(on database: any Database, words: [String]) async throws {
        let sql = database.sql
        guard sql.dialect.name == "sqlite" else { return try await SearchWords.prune(words, on: database) }
        try await sql.raw("INSERT INTO search_fts(search_fts) VALUES('optimize')").run()
        // The words the search names its prefixes by are read again from the index, which holds none of the erased.
        try await SearchWords.refill(on: database)
        try await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
        // Another connection reading at this moment keeps VACUUM from running; the zeroing above has
        // already removed the words, so a busy database is not an error here.
        try? await sql.raw("VACUUM").run()
        try? await sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").run()
    }
}
