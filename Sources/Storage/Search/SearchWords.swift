import FluentKit
import SQLKit

/// Every word the search index holds, with its code (`SearchIndexSchema.code`), so that a search can name the
/// words its own words begin instead of asking for prefixes (`SearchPrefixes`). FTS5 answers a prefix
/// (`"xpokr"*`) by merging the postings of every word it begins into one list before returning the first
/// match — 10–30 ms for a common word at a million people, however few matches are wanted — while named words
/// are read lazily and stop at the limit. PostgreSQL's GIN index finds a named word in one posting tree
/// instead of scanning its entries for a prefix, and a kind with no such word is not asked at all.
///
/// Each word also counts the documents that hold it, kept in the same transaction as the documents: a
/// search for one word that some word it begins is held by more than a hundred documents knows it has "100+"
/// matches without counting them (`SearchPrefixes.matchesAtLeast`). PostgreSQL's GIN index hands over every
/// document of a word before a `LIMIT` can stop it, so counting "krasniqi" cost it more than SQLite's whole page.
///
/// Words are not removed when their count falls to nothing: a word that no document holds any more matches
/// nothing. An erasure takes the erased person's words out (`refill` after SQLite's compaction, `prune` on
/// PostgreSQL), so their name does not stay behind here.
public enum SearchWords {
    public static let table = "search_words"

    static func create(on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            try await sql.raw("CREATE TABLE IF NOT EXISTS search_words (word TEXT NOT NULL, code TEXT NOT NULL, documents INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (word, code)) WITHOUT ROWID").run()
        } else {
            // Byte order, so that "every word from `kr` up to `ks`" is a range of the key whatever the server's locale.
            try await sql.raw("CREATE TABLE IF NOT EXISTS search_words (word TEXT COLLATE \"C\" NOT NULL, code TEXT COLLATE \"C\" NOT NULL, documents INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (word, code))").run()
        }
    }

    /// A list made before words counted their documents gains the count (M0045); `create` makes it with one.
    static func addDocumentCounts(on database: any Database) async throws {
        let sql = database.sql
        let sqlite = sql.dialect.name == "sqlite"
        let existing: SQLQueryString = sqlite
            ? "SELECT 1 AS found FROM pragma_table_info('search_words') WHERE name = 'documents'"
            : "SELECT 1 AS found FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'search_words' AND column_name = 'documents'"
        if try await sql.raw(existing).first() == nil {
            try await sql.raw("ALTER TABLE search_words ADD COLUMN documents INTEGER NOT NULL DEFAULT 0").run()
        }
        try await refill(on: database)
    }

    /// The words again, with how many documents hold each, from the index itself, in one transaction: a search
    /// meanwhile reads the old list or the new, never an empty one, and no document written meanwhile loses its
    /// words. SQLite reads FTS5's own vocabulary (its tokens are a three-letter code and a word, and it counts
    /// the rows each is in); PostgreSQL the documents' vectors (a vector holds each of its words once).
    public static func refill(on database: any Database) async throws {
        try await database.transaction { transaction in
            let sql = transaction.sql
            if sql.dialect.name == "sqlite" {
                try await sql.raw("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, search_fts, 'row')").run()
                try await sql.raw("DELETE FROM search_words").run()
                try await sql.raw("INSERT OR IGNORE INTO search_words (word, code, documents) "
                    + "SELECT substr(term, 4), substr(term, 1, 3), doc FROM temp.search_vocabulary WHERE length(term) > 3").run()
                try await sql.raw("DROP TABLE temp.search_vocabulary").run()
            } else {
                try await lockCounts(sql)
                try await sql.raw("DELETE FROM search_words").run()
                try await sql.raw("INSERT INTO search_words (word, code, documents) SELECT substr(lexeme, 4), substr(lexeme, 1, 3), count(*) "
                    + "FROM search_documents, unnest(tsv) AS t (lexeme, positions, weights) WHERE length(lexeme) > 3 GROUP BY 1, 2").run()
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

    /// How the documents being written change each word's count: the words of documents added, less those of
    /// documents removed (a record's document as it was, when it is rewritten). Each document counts a word once.
    public struct Tally: Sendable {
        var changes: [Pair: Int] = [:]

        struct Pair: Hashable, Comparable {
            var word: String
            var code: String
            static func < (a: Pair, b: Pair) -> Bool { (a.word, a.code) < (b.word, b.code) }
        }

        public init() {}

        /// Each document given as its coded tokens (`SearchDocuments.coded`).
        mutating func add(_ documents: some Sequence<[String]>, by change: Int = 1) {
            for tokens in documents {
                for token in Set(tokens) where token.count > 3 {
                    changes[Pair(word: String(token.dropFirst(3)), code: String(token.prefix(3))), default: 0] += change
                }
            }
        }

        public mutating func merge(_ other: Tally) {
            changes.merge(other.changes, uniquingKeysWith: +)
        }

        /// The changes as rows for `BatchInsert`, in the key's order (the words' rows are then locked in the order of
        /// their index; `add`'s advisory lock is what keeps two writers from waiting on each other).
        var rows: [[BatchInsert.Value]] {
            changes.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { [.text($0.key.word), .text($0.key.code), .int($0.value)] }
        }
    }

    /// Adds a tally to the counts (a word not yet listed is added with it). On PostgreSQL the writers of counts
    /// take turns to the end of their transactions: each holds the rows of the words it counted until it
    /// commits, and a transaction that counts twice (an import's merges, an erasure's other records) could
    /// otherwise hold one word while waiting for another that a second writer holds while waiting for the first.
    public static func add(_ tally: Tally, sql: any SQLDatabase) async throws {
        let rows = tally.rows
        guard !rows.isEmpty else { return }
        if sql.dialect.name != "sqlite" { try await lockCounts(sql) }
        try await BatchInsert.insert(into: table, columns: ["word", "code", "documents"], rows: rows, onConflict: .add(key: ["word", "code"], column: "documents"),
                                     sql: sql)
    }

    /// PostgreSQL: the counts' lock, to the end of the transaction (`add`; `refill`, so that no document is
    /// counted both by the index it reads and by a writer meanwhile).
    static func lockCounts(_ sql: any SQLDatabase) async throws {
        try await sql.raw("SELECT pg_advisory_xact_lock(\(bind: countsLock), hashtext(current_schema()))").run()
    }

    /// The first half of the counts' advisory lock ("RTSW"); the second is the schema's hash.
    static let countsLock: Int32 = 0x5254_5357
}
