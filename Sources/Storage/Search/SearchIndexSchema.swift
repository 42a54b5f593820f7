import FluentKit
import SQLKit

/// The search index's tables, one design per database behind the same documents table:
/// - SQLite: `search_documents` holds the words; an FTS5 table over it (external content, kept in step by
///   triggers) answers `MATCH` with prefix queries and ranks by BM25. The record's kind is a column of the
///   FTS table too, so a kind's best ten come from the index itself.
/// - PostgreSQL: `search_documents` carries a generated `tsvector` of its words with a GIN index, queried
///   with `to_tsquery('simple', …)` and ranked by `ts_rank`.
/// The words are folded before they are stored (`NameFolding`), so both match "redzepi" to "Реџепи".
public enum SearchIndexSchema {
    public static let documents = "search_documents"
    public static let fts = "search_fts"

    static func create(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for statement in [
                "CREATE TABLE search_documents (id INTEGER PRIMARY KEY, record_type TEXT NOT NULL, record_id TEXT NOT NULL UNIQUE, restricted INTEGER NOT NULL, words TEXT NOT NULL)",
                "CREATE VIRTUAL TABLE search_fts USING fts5(words, record_type, content='search_documents', content_rowid='id', tokenize='unicode61')",
                "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN INSERT INTO search_fts(rowid, words, record_type) VALUES (new.id, new.words, new.record_type); END",
                "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, words, record_type) VALUES ('delete', old.id, old.words, old.record_type); END",
                "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN INSERT INTO search_fts(search_fts, rowid, words, record_type) VALUES ('delete', old.id, old.words, old.record_type); INSERT INTO search_fts(rowid, words, record_type) VALUES (new.id, new.words, new.record_type); END",
            ] { try await sql.raw(SQLQueryString(statement)).run() }
        } else {
            for statement in [
                "CREATE TABLE search_documents (id BIGSERIAL PRIMARY KEY, record_type TEXT NOT NULL, record_id UUID NOT NULL UNIQUE, restricted INTEGER NOT NULL, words TEXT NOT NULL, tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', words)) STORED)",
                "CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)",
            ] { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }

    static func drop(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE IF EXISTS search_fts").run() }
        try await sql.raw("DROP TABLE IF EXISTS search_documents").run()
    }
}
