import FluentKit
import SQLKit

/// SQLite: every word the search index holds, with its code (`SearchIndexSchema.code`), so that a search can
/// name the words its prefixes stand for. FTS5 answers a prefix (`"xpokr"*`) by merging the postings of every
/// word it begins into one list before returning the first match — 10–30 ms for a common word at a million
/// people, however few matches are wanted — while named words are read lazily and stop at the limit.
///
/// Words are added as documents are written and never removed one by one: a word that no document holds any
/// more matches nothing. After an erasure the table is filled again from the index itself (`refill`), so an
/// erased person's name does not stay behind here.
public enum SearchWords {
    public static let table = "search_words"

    static func create(on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE IF NOT EXISTS search_words (word TEXT NOT NULL, code TEXT NOT NULL, PRIMARY KEY (word, code)) WITHOUT ROWID").run()
    }

    /// The words again, from the FTS5 index's own vocabulary (its tokens are a three-letter code and a word), in
    /// one transaction: a search meanwhile reads the old list or the new, never an empty one, and no document
    /// written meanwhile loses its words.
    public static func refill(on database: any Database) async throws {
        guard database.sql.dialect.name == "sqlite" else { return }
        try await database.transaction { transaction in
            let sql = transaction.sql
            try await sql.raw("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, search_fts, 'row')").run()
            try await sql.raw("DELETE FROM search_words").run()
            try await sql.raw("INSERT OR IGNORE INTO search_words (word, code) "
                + "SELECT substr(term, 4), substr(term, 1, 3) FROM temp.search_vocabulary WHERE length(term) > 3").run()
            try await sql.raw("DROP TABLE temp.search_vocabulary").run()
        }
    }

    /// The distinct (word, code) pairs of coded tokens, as rows for `BatchInsert`.
    static func rows(_ tokens: some Sequence<String>) -> [[BatchInsert.Value]] {
        var seen = Set<String>()
        return tokens.compactMap { token in
            guard token.count > 3, seen.insert(token).inserted else { return nil }
            return [.text(String(token.dropFirst(3))), .text(String(token.prefix(3)))]
        }
    }
}
