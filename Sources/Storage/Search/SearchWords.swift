import FluentKit
import SQLKit

/// Every word the search index holds, with its code (`SearchIndexSchema.code`), so that a search can name the
/// words its own words begin instead of asking for prefixes (`SearchPrefixes`). FTS5 answers a prefix
/// (`"xpokr"*`) by merging the postings of every word it begins into one list before returning the first
/// match — 10–30 ms for a common word at a million people, however few matches are wanted — while named words
/// are read lazily and stop at the limit. PostgreSQL's GIN index finds a named word in one posting tree
/// instead of scanning its entries for a prefix, and a kind with no such word is not asked at all.
///
/// Words are added as documents are written and not removed one by one: a word that no document holds any
/// more matches nothing. An erasure takes the erased person's words out (`refill` after SQLite's compaction,
/// `prune` on PostgreSQL), so their name does not stay behind here.
public enum SearchWords {
    public static let table = "search_words"

    static func create(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE TABLE IF NOT EXISTS search_words (word TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (word, code)) WITHOUT ROWID").run()
        } else {
            // Byte order, so that "every word from `kr` up to `ks`" is a range of the key whatever the server's locale.
            try await sql.raw("CREATE TABLE IF NOT EXISTS search_words (word TEXT COLLATE \"C\" NOT NULL, code TEXT COLLATE \"C\" NOT NULL, PRIMARY KEY (word, code))").run()
        }
    }

    /// The words again, from the index itself, in one transaction: a search meanwhile reads the old list or the
    /// new, never an empty one, and no document written meanwhile loses its words. SQLite reads FTS5's own
    /// vocabulary (its tokens are a three-letter code and a word); PostgreSQL the documents' vectors.
    public static func refill(on database: any Database) async throws {
        try await database.transaction { transaction in
            let sql = transaction.sql
            if sql.dialect.name == "sqlite" {
                try await sql.raw("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, search_fts, 'row')").run()
                try await sql.raw("DELETE FROM search_words").run()
                try await sql.raw("INSERT OR IGNORE INTO search_words (word, code) "
                    + "SELECT substr(term, 4), substr(term, 1, 3) FROM temp.search_vocabulary WHERE length(term) > 3").run()
                try await sql.raw("DROP TABLE temp.search_vocabulary").run()
            } else {
                try await sql.raw("DELETE FROM search_words").run()
                try await sql.raw("INSERT INTO search_words (word, code) SELECT DISTINCT substr(lexeme, 4), substr(lexeme, 1, 3) "
                    + "FROM search_documents, unnest(tsv) AS t (lexeme, positions, weights) WHERE length(lexeme) > 3 ON CONFLICT DO NOTHING").run()
            }
        }
    }

    /// PostgreSQL, after an erasure: the erased person's words that no document holds any more, looked up alone,
    /// with the list locked against writers so that a document written meanwhile cannot lose a word it shares.
    /// (SQLite fills the list again from FTS5's vocabulary once its compaction has merged the index: `refill`.)
    public static func prune(_ words: [String], on database: any Database) async throws {
        guard database.sql.dialect.name != "sqlite", !words.isEmpty else { return }
        try await database.transaction { transaction in
            let sql = transaction.sql
            try await sql.raw("LOCK TABLE search_words IN SHARE ROW EXCLUSIVE MODE").run()
            try await sql.raw("""
                DELETE FROM search_words w WHERE w.word = ANY(\(bind: Array(Set(words)))) AND NOT EXISTS \
                (SELECT 1 FROM search_documents d WHERE d.tsv @@ to_tsquery('simple', w.code || w.word))
                """).run()
        }
    }

    /// The distinct (word, code) pairs of coded tokens, as rows for `BatchInsert`, in the key's order: two
    /// writers adding the same new words on PostgreSQL take them in the same order, so neither waits on the other
    /// while holding what the other waits for.
    static func rows(_ tokens: some Sequence<String>) -> [[BatchInsert.Value]] {
        Set(tokens.filter { $0.count > 3 }).map { (word: String($0.dropFirst(3)), code: String($0.prefix(3))) }
            .sorted { ($0.word, $0.code) < ($1.word, $1.code) }
            .map { [.text($0.word), .text($0.code)] }
    }
}
