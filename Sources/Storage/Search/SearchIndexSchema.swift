import FluentKit
import SQLKit

/// The search index's tables, one design per database behind the same documents table:
/// - SQLite: `search_documents` holds the words; an FTS5 table holds the same words, each prefixed with a
///   code for the record's kind and restriction ("xpo" + "redzepi" for an open person). A query for one kind
///   then reads only that kind's postings: with the kind as a separate FTS column, every query walked the
///   300,000 engagements' "engagement" postings to intersect them.
/// - PostgreSQL: `search_documents` carries a generated `tsvector` of its words with a GIN index, queried
///   with `to_tsquery('simple', …)` and filtered by kind and restriction. Its vector holds the private
///   words too; a reader from whom they are hidden has each match checked again against `words` alone.
/// The words are folded before they are stored (`NameFolding`), so both match "redzepi" to "Реџепи".
public enum SearchIndexSchema {
    public static let documents = "search_documents"
    public static let fts = "search_fts"

    /// The prefix of an FTS5 token: `x`, the kind's letter, and `o` (open) or `r` (restricted).
    public static func code(kind: String, restricted: Bool) -> String {
        let letter: String
        switch kind {
        case "person": letter = "p"
        case "organization": letter = "g"
        case "place": letter = "l"
        case "engagement": letter = "e"
        case "agreement": letter = "a"
        case "recommendation": letter = "c"
        default: letter = "x"
        }
        return "x" + letter + (restricted ? "r" : "o")
    }

    /// The prefix of a token from a field that may be sensitive: `x`, the kind's letter, and `n` (open) or
    /// `m` (restricted). A reader from whom the field is hidden queries without it, so its words never match.
    public static func privateCode(kind: String, restricted: Bool) -> String {
        String(code(kind: kind, restricted: restricted).dropLast()) + (restricted ? "m" : "n")
    }

    static func create(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" {
            for statement in [
                "CREATE TABLE search_documents (id INTEGER PRIMARY KEY, record_type TEXT NOT NULL, record_id TEXT NOT NULL UNIQUE, restricted INTEGER NOT NULL, words TEXT NOT NULL, private_words TEXT NOT NULL DEFAULT '')",
                "CREATE VIRTUAL TABLE search_fts USING fts5(tokens, tokenize='unicode61')",
            ] { try await sql.raw(SQLQueryString(statement)).run() }
        } else {
            for statement in [
                "CREATE TABLE search_documents (id BIGSERIAL PRIMARY KEY, record_type TEXT NOT NULL, record_id UUID NOT NULL UNIQUE, restricted INTEGER NOT NULL, words TEXT NOT NULL, private_words TEXT NOT NULL DEFAULT '', tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', words || ' ' || private_words)) STORED)",
                "CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)",
            ] { try await sql.raw(SQLQueryString(statement)).run() }
        }
    }

    static func drop(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE IF EXISTS search_fts").run() }
        try await sql.raw("DROP TABLE IF EXISTS search_documents").run()
    }
}
