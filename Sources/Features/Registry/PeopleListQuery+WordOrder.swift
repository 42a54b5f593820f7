import Foundation
import SQLKit
import Storage

/// The list when a name filter's lead word begins only a few words (a typed surname begins one or two): each
/// word's rows lie in name order in the index (M0044), so a page is read from them as they lie and stops at its
/// end, however many people hold the word and however far down the list the page is. At a million people this
/// is what keeps a common name's pages, with a second word or a community, as quick as at 100,000.
extension PeopleListQuery {
    /// The words the lead word begins, in order, up to one more than `mergeableWords`. Each is found by one
    /// step down the index from the one before (a loose index scan), not by reading the rows between: a
    /// common surname's 40,000 rows are passed over in one step.
    func leadWords() async throws -> [String] {
        let lead = leadWord
        let table: SQLQueryString = sql.dialect.name == "sqlite" ? "\(ident: NameTokens.schema) NOT INDEXED" : "\(ident: NameTokens.schema)"
        let query: SQLQueryString = """
            WITH RECURSIVE lead_words(word, n) AS (\
            SELECT (SELECT token FROM \(table) WHERE record_type = \(bind: People.recordType) AND token >= \(bind: lead) \
            AND token < \(bind: NameIndex.successor(of: lead)) ORDER BY token LIMIT 1), 1 \
            UNION ALL \
            SELECT (SELECT token FROM \(table) WHERE record_type = \(bind: People.recordType) AND token > lead_words.word \
            AND token < \(bind: NameIndex.successor(of: lead)) ORDER BY token LIMIT 1), n + 1 \
            FROM lead_words WHERE word IS NOT NULL AND n <= \(literal: mergeableWords)) \
            SELECT word FROM lead_words WHERE word IS NOT NULL ORDER BY n
            """
        return try await sql.raw(query).allPrepared().map { try $0.decode(column: "word", as: String.self) }
    }

    /// The matches among one word's rows, in list order as they lie in the index (what `PostgresPlanTests` explains).
    func rows(of word: String) -> SQLSelectBuilder {
        indexMatches(sql.select().column("sort_name").column("record_id"), exactly: word)
            .orderBy("sort_name", direction).orderBy("record_id", direction)
    }

    /// Up to a page and one more of the matches, read from the rows of each word the lead word begins in list
    /// order. Several words' rows are merged: each word's are cut at the page's end first (every row the page
    /// can show is among them), and `UNION` counts a person holding two of the words once.
    func pageInWordOrder(_ leadWords: [String], offset: Int) async throws -> [UUID] {
        guard let first = leadWords.first else { return [] }
        let found: [any SQLRow]
        if leadWords.count == 1 {
            found = try await rows(of: first).limit(perPage + 1).offset(offset).all(prepared: offset == 0)
        } else {
            func cut(_ word: String, _ index: Int) -> SQLSelect {
                sql.select().column("sort_name").column("record_id")
                    .from(SQLAlias(SQLGroupExpression(rows(of: word).limit(offset + perPage + 1).select), as: SQLIdentifier("w\(index)")))
                    .select
            }
            let merged = SQLUnionBuilder(on: sql, initialQuery: cut(first, 0))
            for (index, word) in leadWords.enumerated().dropFirst() { _ = merged.union(distinct: cut(word, index)) }
            found = try await merged.orderBy("sort_name", direction).orderBy("record_id", direction).limit(perPage + 1).offset(offset)
                .all(prepared: offset == 0)
        }
        return try found.map { try $0.decode(column: "record_id", as: UUID.self) }
    }
}
