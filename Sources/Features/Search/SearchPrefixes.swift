import Foundation
import SQLKit
import Storage

/// On SQLite, the words each word of a search begins, read from `SearchWords` before the search runs: FTS5 is
/// then asked for those words by name (`"xpokrasniqi" OR "xprkrasniqi"`), which it reads lazily and stops at
/// the count's limit, instead of a prefix (`"xpokr"*`), which it answers by first merging every matching
/// word's postings — the whole 400,000 documents holding "workshop" at a million people, for ten of them.
struct SearchPrefixes: Sendable {
    /// A word of the search that begins more indexed words than this (a letter or two) stays a prefix.
    static let wordsLimit = 100

    /// For each word of the search, the (code, word) pairs it begins; nil where there were too many to name.
    let words: [String: [Pair]?]

    struct Pair: Sendable, Hashable {
        var code: String
        var word: String
    }

    /// One statement for all the search's words, each read up to just past the limit.
    static func find(_ tokens: [String], sql: any SQLDatabase) async throws -> SearchPrefixes {
        let distinct = Array(Set(tokens)).sorted()
        guard !distinct.isEmpty else { return SearchPrefixes(words: [:]) }
        let query = distinct.map { token in
            """
            SELECT \(bind: token) AS token, word, code FROM (SELECT word, code FROM \(ident: SearchWords.table) \
            WHERE word >= \(bind: token) AND word < \(bind: NameIndex.successor(of: token)) LIMIT \(bind: wordsLimit + 1))
            """ as SQLQueryString
        }.joined(separator: " UNION ALL ")
        var found: [String: [Pair]] = [:]
        for row in try await sql.raw(query).all() {
            let pair = Pair(code: try row.decode(column: "code", as: String.self), word: try row.decode(column: "word", as: String.self))
            found[try row.decode(column: "token", as: String.self), default: []].append(pair)
        }
        return SearchPrefixes(words: Dictionary(uniqueKeysWithValues: distinct.map { token in
            let pairs = found[token] ?? []
            return (token, pairs.count > wordsLimit ? nil : pairs)
        }))
    }

    /// The FTS5 query for these codes: every word of the search begins a word of the document. Nil when some
    /// word of the search begins no indexed word under these codes, so nothing can match.
    func ftsQuery(_ tokens: [String], codes: [String]) -> String? {
        let allowed = Set(codes)
        var groups: [String] = []
        for token in tokens {
            let terms: [String]
            if let pairs = words[token] ?? nil {
                terms = pairs.filter { allowed.contains($0.code) }.map { "\"\($0.code)\($0.word)\"" }
            } else {
                terms = codes.map { "\"\($0)\(token)\"*" }
            }
            guard !terms.isEmpty else { return nil }
            groups.append("(" + terms.joined(separator: " OR ") + ")")
        }
        return groups.joined(separator: " AND ")
    }
}
