import Foundation
import SQLKit
import Storage

/// The words each word of a search begins, read from `SearchWords` before the search runs, so that the search
/// asks for those words by name — `("xpokrasniqi" OR "xprkrasniqi")` for FTS5, `(xpokrasniqi | xprkrasniqi)`
/// for PostgreSQL — instead of prefixes (`"xpokr"*`, `xpokr:*`). FTS5 reads named words lazily and stops at the
/// count's limit, where it answers a prefix by first merging every matching word's postings (the whole 400,000
/// documents holding "workshop" at a million people, for ten of them); PostgreSQL reads one posting tree a word
/// instead of scanning the index's entries for the prefix. A kind none of whose words match is not asked.
struct SearchPrefixes: Sendable {
    /// A word of the search that begins more indexed words than this (a letter or two) stays a prefix.
    static let wordsLimit = 100

    /// For each word of the search, the (code, word) pairs it begins; nil where there were too many to name.
    let words: [String: [Pair]?]
    /// For each word of the search, the pairs read, up to one past the limit, with their counts.
    let read: [String: [Pair]]

    init(read: [String: [Pair]]) {
        self.read = read
        words = read.mapValues { $0.count > Self.wordsLimit ? nil : $0 }
    }

    struct Pair: Sendable, Hashable {
        var code: String
        var word: String
        /// How many documents hold the word under its code.
        var documents = 0
    }

    /// The two query languages: FTS5's and PostgreSQL's `to_tsquery`.
    enum Syntax {
        case fts5, tsquery

        func named(_ term: String) -> String { self == .fts5 ? "\"\(term)\"" : term }
        func prefix(_ term: String) -> String { self == .fts5 ? "\"\(term)\"*" : "\(term):*" }
        var or: String { self == .fts5 ? " OR " : " | " }
        var and: String { self == .fts5 ? " AND " : " & " }
    }

    /// One statement for all the search's words, each read up to just past the limit.
    static func find(_ tokens: [String], sql: any SQLDatabase) async throws -> SearchPrefixes {
        let distinct = Array(Set(tokens)).sorted()
        guard !distinct.isEmpty else { return SearchPrefixes(read: [:]) }
        let query = distinct.map { token in
            """
            SELECT \(bind: token) AS token, word, code, documents FROM (SELECT word, code, documents FROM \(ident: SearchWords.table) \
            WHERE word >= \(bind: token) AND word < \(bind: NameIndex.successor(of: token)) LIMIT \(bind: wordsLimit + 1)) AS begun
            """ as SQLQueryString
        }.joined(separator: " UNION ALL ")
        // Prepared on PostgreSQL (`PreparedSQL`): one text for each number of words, and one plan, a step along the
        // words' key, suits every word; planning it took longer than running it (0.16 ms against 0.02).
        var found: [String: [Pair]] = [:]
        for row in try await sql.raw(query).allPrepared() {
            let pair = Pair(code: try row.decode(column: "code", as: String.self), word: try row.decode(column: "word", as: String.self),
                            documents: try row.decode(column: "documents", as: Int.self))
            found[try row.decode(column: "token", as: String.self), default: []].append(pair)
        }
        return SearchPrefixes(read: Dictionary(uniqueKeysWithValues: distinct.map { ($0, found[$0] ?? []) }))
    }

    /// How many documents under these codes a search of one word matches at least: as many as hold the most
    /// common word it begins. Zero for a search of several words, whose documents must hold one of each.
    /// Above `Search.countLimit`, the search need not count.
    func matchesAtLeast(_ tokens: [String], codes: [String]) -> Int {
        guard Set(tokens).count == 1, let pairs = read[tokens[0]] else { return 0 }
        let allowed = Set(codes)
        return pairs.filter { allowed.contains($0.code) }.map(\.documents).max() ?? 0
    }

    /// The query for these codes: every word of the search begins a word of the document. Nil when some word of
    /// the search begins no indexed word under these codes, so nothing can match.
    func query(_ tokens: [String], codes: [String], syntax: Syntax) -> String? {
        let allowed = Set(codes)
        var groups: [String] = []
        for token in tokens {
            let terms: [String]
            if let pairs = words[token] ?? nil {
                terms = pairs.filter { allowed.contains($0.code) }.map { syntax.named($0.code + $0.word) }
            } else {
                terms = codes.map { syntax.prefix($0 + token) }
            }
            guard !terms.isEmpty else { return nil }
            groups.append("(" + terms.joined(separator: syntax.or) + ")")
        }
        return groups.joined(separator: syntax.and)
    }

    /// The query with every word of the search a prefix under each code, as when no words were looked up.
    static func prefixQuery(_ tokens: [String], codes: [String], syntax: Syntax) -> String {
        tokens.map { token in "(" + codes.map { syntax.prefix($0 + token) }.joined(separator: syntax.or) + ")" }.joined(separator: syntax.and)
    }
}
