import FluentKit
import SQLKit

/// The search index's tables, one design per database behind the same documents table:
/// - SQLite: `search_documents` holds the words; an FTS5 table holds the same words, each prefixed with a
///   code for the record's kind and restriction ("xpo" + "redzepi" for an open person). A query for one kind
///   then reads only that kind's postings: with the kind as a separate FTS column, every query walked the
///   300,000 engagements' "engagement" postings to intersect them.
/// - PostgreSQL: `search_documents` carries a generated `tsvector` of the same coded words with a GIN index,
///   queried with `to_tsquery('simple', …)` for the codes the reader may match. With plain words and the
///   kind as a filter, a search for a word no person has read every engagement holding it to find no person
///   (29 ms each for six kinds: 150 ms for "workshop" at 100,000 people, against 7 ms on SQLite).
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
            // Written with every document (`SearchDocuments.write`), so it exists wherever the index does.
            try await SearchWords.create(on: sql)
        } else {
            for statement in [
                "CREATE TABLE search_documents (id BIGSERIAL PRIMARY KEY, record_type TEXT NOT NULL, record_id UUID NOT NULL UNIQUE, restricted INTEGER NOT NULL, words TEXT NOT NULL, private_words TEXT NOT NULL DEFAULT '', tsv TSVECTOR GENERATED ALWAYS AS (\(postgresVector(coded: true))) STORED)",
                "CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)",
                newestByKind,
            ] { try await sql.raw(SQLQueryString(statement)).run() }
            try await SearchWords.create(on: sql)
        }
    }

    /// PostgreSQL: a kind's documents newest first, for a word with too many matches to rank. Walking all
    /// documents backwards instead passed 310,000 engagements to reach the newest people (124 ms).
    static let newestByKind = "CREATE INDEX IF NOT EXISTS search_documents_kind_newest ON search_documents (record_type, id)"

    /// PostgreSQL's vector, computed by the database from the row: each word with its code (`coded`), as the
    /// FTS5 tokens are written, or the plain words (before M0041). The codes come from `code` and
    /// `privateCode`, so that the two databases cannot disagree on them. Words are folded and single-spaced.
    static func postgresVector(coded: Bool) -> String {
        guard coded else { return "to_tsvector('simple', words || ' ' || private_words)" }
        func prefix(_ code: (String, Bool) -> String) -> String {
            let kinds = SearchDocuments.recordTypes.map { kind in
                "WHEN '\(kind)' THEN CASE WHEN restricted > 0 THEN '\(code(kind, true))' ELSE '\(code(kind, false))' END"
            }
            return "(CASE record_type \(kinds.joined(separator: " ")) END)"
        }
        func eachWordCoded(_ column: String, _ code: (String, Bool) -> String) -> String {
            "CASE WHEN \(column) = '' THEN '' ELSE \(prefix(code)) || replace(\(column), ' ', ' ' || \(prefix(code))) END"
        }
        return "to_tsvector('simple', (\(eachWordCoded("words", Self.code(kind:restricted:)))) || ' ' || (\(eachWordCoded("private_words", Self.privateCode(kind:restricted:)))))"
    }

    /// Replaces PostgreSQL's vector and its index, with each kind's documents in order when the words are
    /// coded (nothing on SQLite, whose tokens are written coded and whose FTS5 table keeps that order).
    static func replacePostgresVector(coded: Bool, on database: any Database) async throws {
        let sql = database.sql
        guard sql.dialect.name == "postgresql" else { return }
        for statement in [
            "DROP INDEX IF EXISTS search_documents_tsv",
            "ALTER TABLE search_documents DROP COLUMN tsv",
            "ALTER TABLE search_documents ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (\(postgresVector(coded: coded))) STORED",
            "CREATE INDEX search_documents_tsv ON search_documents USING GIN (tsv)",
        ] + (coded ? [newestByKind] : ["DROP INDEX IF EXISTS search_documents_kind_newest"]) {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    static func drop(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "sqlite" { try await sql.raw("DROP TABLE IF EXISTS search_fts").run() }
        try await sql.raw("DROP TABLE IF EXISTS search_words").run()
        try await sql.raw("DROP TABLE IF EXISTS search_documents").run()
    }
}
