import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The search box: every kind of record at once, ranked within each kind, matched through the name folding
/// (case, diacritics and script do not matter; every word of the query begins a word of the record). What
/// the reader may not see is never matched — not in the results, their counts or their snippets.
public struct Search: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let perKind = 10
    /// A kind's matches are counted up to here ("100+") and ranked when that is all of them; past it the latest
    /// are shown and the reader is asked to add a word. A search box is for finding one record, and the lists
    /// count further; on PostgreSQL each match counted is a heap page read (see docs/benchmarks.md).
    public static let countLimit = 100

    public func run(_ text: String, kinds: [String] = SearchDocuments.recordTypes, perKind: Int = Search.perKind, by actor: Actor) async throws -> SearchResults {
        try actor.require(.readRecords)
        let tokens = Array(NameFolding.tokens(text).prefix(8))
        guard !tokens.isEmpty else { return SearchResults(query: text, groups: []) }
        let sql = database.sql
        let ceiling = actor.canSee(.restricted) ? 1 : 0
        // A person's notes are found only by readers who may see them (`FieldAccess`), or no search for a
        // word of someone's notes would be needed to tell what their notes say.
        let access = try await FieldAccess.of(actor, on: database)
        let scope = Scope(ceiling: ceiling, privateWords: !access.hides(.notes))
        // The words the search's words begin, and so the kinds that can match at all: a kind none of whose
        // words they begin is not asked.
        let prefixes = try await SearchPrefixes.find(tokens, sql: sql)
        let syntax: SearchPrefixes.Syntax = sql.dialect.name == "sqlite" ? .fts5 : .tsquery
        let possible = SearchDocuments.recordTypes.filter { kind in
            kinds.contains(kind) && prefixes.query(tokens, codes: Self.codes(kind: kind, scope: scope), syntax: syntax) != nil
        }
        // Each kind is counted, matched and described at the same time as the others: on PostgreSQL each
        // statement is a round trip, and a word found in five kinds waited for ten of them in turn.
        let groups = try await withThrowingTaskGroup(of: (Int, SearchGroup)?.self) { found in
            for (order, kind) in possible.enumerated() {
                found.addTask {
                    let hits = try await hits(tokens, kind: kind, scope: scope, limit: perKind, prefixes: prefixes, sql: sql)
                    guard hits.total > 0 else { return nil }
                    let described = try await describe(kind, hits.ids, tokens: tokens, access: access)
                    return (order, SearchGroup(kind: kind, total: min(hits.total, Self.countLimit), totalIsAtLeast: hits.total > Self.countLimit, hits: described))
                }
            }
            var groups: [(Int, SearchGroup)] = []
            for try await group in found { if let group { groups.append(group) } }
            return groups.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return SearchResults(query: text, groups: groups)
    }

    /// What a reader's search may match: restricted documents (`ceiling` 1) and words of sensitive fields.
    struct Scope {
        var ceiling: Int
        var privateWords: Bool
    }

    /// How many of a kind's documents match, counted up to one past `countLimit`, and the first `limit` of them:
    /// best first when there are few enough for ranking to mean something, else the newest (BM25 over 37,000
    /// engagements cost 150 ms and said little).
    struct Hits: Equatable {
        var total: Int
        var ids: [UUID]
    }

    /// A kind's hits. A word some word of which more than `countLimit` documents hold (the list of words counts
    /// them, `SearchPrefixes.matchesAtLeast`) is not counted: its newest matches are all that is read. Otherwise
    /// SQLite counts, then matches: FTS5 ranks only inside its own query, and a statement costs no round trip.
    /// PostgreSQL does both in one statement (`hitsQuery`): a statement, a parse and a round trip fewer.
    func hits(_ tokens: [String], kind: String, scope: Scope, limit: Int, countLimit: Int = Search.countLimit, prefixes: SearchPrefixes? = nil,
              sql: any SQLDatabase) async throws -> Hits {
        if let prefixes, prefixes.matchesAtLeast(tokens, codes: Self.codes(kind: kind, scope: scope)) > countLimit {
            let newest = sql.dialect.name == "sqlite"
                ? Self.ftsMatchesQuery(tokens, kind: kind, scope: scope, limit: limit, ranked: false, prefixes: prefixes)
                : Self.newestQuery(tokens, kind: kind, scope: scope, limit: limit, prefixes: prefixes)
            return Hits(total: countLimit + 1, ids: try await sql.raw(newest).all().map { try $0.decode(column: "id", as: UUID.self) })
        }
        guard sql.dialect.name == "sqlite" else {
            let row = try await sql.raw(Self.hitsQuery(tokens, kind: kind, scope: scope, limit: limit, countLimit: countLimit, prefixes: prefixes)).first()
            return Hits(total: try row?.decode(column: "n", as: Int.self) ?? 0, ids: try row?.decode(column: "ids", as: [UUID].self) ?? [])
        }
        let counted = Self.ftsCountQuery(tokens, kind: kind, scope: scope, countLimit: countLimit, prefixes: prefixes)
        let total = try await sql.raw(counted).first()?.decode(column: "n", as: Int.self) ?? 0
        guard total > 0 else { return Hits(total: 0, ids: []) }
        let matched = Self.ftsMatchesQuery(tokens, kind: kind, scope: scope, limit: limit, ranked: total <= countLimit, prefixes: prefixes)
        return Hits(total: total, ids: try await sql.raw(matched).all().map { try $0.decode(column: "id", as: UUID.self) })
    }

    /// SQLite: a kind's matches, best first or (`ranked` false) newest first, the documents' own order
    /// (`record_id` is a random identity).
    static func ftsMatchesQuery(_ tokens: [String], kind: String, scope: Scope, limit: Int, ranked: Bool, prefixes: SearchPrefixes? = nil) -> SQLQueryString {
        let order: SQLQueryString = ranked ? "bm25(search_fts)" : "search_fts.rowid DESC"
        return """
            SELECT d.record_id AS id FROM search_fts JOIN search_documents d ON d.id = search_fts.rowid
            WHERE search_fts MATCH \(bind: ftsQuery(tokens, kind: kind, scope: scope, prefixes: prefixes)) ORDER BY \(order) LIMIT \(bind: limit)
            """
    }

    /// SQLite: how many of a kind's documents match, up to one past `countLimit`.
    static func ftsCountQuery(_ tokens: [String], kind: String, scope: Scope, countLimit: Int = Search.countLimit, prefixes: SearchPrefixes? = nil) -> SQLQueryString {
        """
        SELECT COUNT(*) AS n FROM (SELECT rowid FROM search_fts WHERE search_fts MATCH \(bind: ftsQuery(tokens, kind: kind, scope: scope, prefixes: prefixes))
        LIMIT \(bind: countLimit + 1))
        """
    }

    /// PostgreSQL: a kind's hits in one statement: the matches counted up to one past `countLimit`, then the
    /// first of them, ranked when that was all of them, else the newest (`newestQuery`). PostgreSQL runs only
    /// the branch the count chooses, and plans each part with the search's words as written, so a common word
    /// walks the kind's order and a rare one reads its few matches. (Ranking the rows the count read, kept in a
    /// materialized CTE, was slower: copying 1,001 vectors cost more than reading a few hundred again.)
    static func hitsQuery(_ tokens: [String], kind: String, scope: Scope, limit: Int, countLimit: Int = Search.countLimit,
                          prefixes: SearchPrefixes? = nil) -> SQLQueryString {
        let query = tsQuery(tokens, kind: kind, scope: scope, prefixes: prefixes)
        let matched = matchedCondition(query, scope: scope)
        return """
            SELECT counted.n, CASE WHEN counted.n <= \(bind: countLimit)
            THEN ARRAY(SELECT d.record_id FROM search_documents d WHERE \(matched)
              ORDER BY ts_rank(d.tsv, to_tsquery('simple', \(bind: query))) DESC, d.id DESC LIMIT \(bind: limit))
            ELSE ARRAY(\(newestQuery(tokens, kind: kind, scope: scope, limit: limit, prefixes: prefixes))) END AS ids
            FROM (SELECT COUNT(*) AS n FROM (SELECT FROM search_documents d WHERE \(matched) LIMIT \(bind: countLimit + 1)) AS m) AS counted
            """
    }

    /// PostgreSQL: a kind's newest matches, in the documents' order kept per kind by
    /// `search_documents_kind_newest` (the kind is named again only to walk its own order, where PostgreSQL
    /// otherwise combined the kind's 100,000 entries with the words', 7 ms for nothing).
    static func newestQuery(_ tokens: [String], kind: String, scope: Scope, limit: Int, prefixes: SearchPrefixes? = nil) -> SQLQueryString {
        let matched = matchedCondition(tsQuery(tokens, kind: kind, scope: scope, prefixes: prefixes), scope: scope)
        return "SELECT d.record_id AS id FROM search_documents d WHERE \(matched) AND d.record_type = \(bind: kind) ORDER BY d.id DESC LIMIT \(bind: limit)"
    }

    /// PostgreSQL: a document `d` matches the query's codes (which already hold the kind and the restriction),
    /// and the reader may see it (checked again).
    static func matchedCondition(_ query: String, scope: Scope) -> SQLQueryString {
        "d.tsv @@ to_tsquery('simple', \(bind: query)) AND d.restricted <= \(bind: scope.ceiling)"
    }

    /// Every word of the query begins a word of the record, among the kind's open documents (and its restricted
    /// ones for a reader who may see them, and the words of sensitive fields for one who may see those). Both
    /// databases index each word with its code (`SearchIndexSchema.code`), so a query names the codes it may
    /// match: `("xporedzepi"* OR "xprredzepi"*) AND …` for FTS5, `(xporedzepi:* | xprredzepi:*) & …` for
    /// PostgreSQL. Folded words are letters and digits only, so they need no escaping.
    /// With `prefixes`, the words the search's words begin are named instead (`SearchPrefixes`); a kind that
    /// cannot match is never asked (`run` leaves it out), so its query keeps the prefixes.
    static func ftsQuery(_ tokens: [String], kind: String, scope: Scope, prefixes: SearchPrefixes? = nil) -> String {
        query(tokens, kind: kind, scope: scope, prefixes: prefixes, syntax: .fts5)
    }

    static func tsQuery(_ tokens: [String], kind: String, scope: Scope, prefixes: SearchPrefixes? = nil) -> String {
        query(tokens, kind: kind, scope: scope, prefixes: prefixes, syntax: .tsquery)
    }

    static func query(_ tokens: [String], kind: String, scope: Scope, prefixes: SearchPrefixes?, syntax: SearchPrefixes.Syntax) -> String {
        let codes = codes(kind: kind, scope: scope)
        return prefixes?.query(tokens, codes: codes, syntax: syntax) ?? SearchPrefixes.prefixQuery(tokens, codes: codes, syntax: syntax)
    }

    /// The codes of the words a reader may match in one kind's documents.
    static func codes(kind: String, scope: Scope) -> [String] {
        let restrictions = scope.ceiling > 0 ? [false, true] : [false]
        return restrictions.map { SearchIndexSchema.code(kind: kind, restricted: $0) }
            + (scope.privateWords ? restrictions.map { SearchIndexSchema.privateCode(kind: kind, restricted: $0) } : [])
    }

    /// Titles, a line of detail and the snippet, read in one query per kind, in the ranked order.
    func describe(_ kind: String, _ ids: [UUID], tokens: [String], access: FieldAccess) async throws -> [SearchHit] {
        func hit(_ id: UUID, _ title: String, _ detail: String?, _ texts: [String?]) -> SearchHit {
            let source = texts.compactMap { $0 }.first { SearchHighlight.matches($0, query: tokens) }
            let snippet = source.flatMap { SearchHighlight.snippet($0, query: tokens) }
            // Other names shown as the snippet are not repeated as the detail.
            return SearchHit(kind: kind, id: id, title: SearchHighlight.segments(title, query: tokens),
                             detail: source != nil && source == detail ? nil : detail, snippet: snippet)
        }
        var hits: [UUID: SearchHit] = [:]
        switch kind {
        case "person":
            // Only what a hit shows, read as rows: Fluent decodes a model by asking the row for each of its 22
            // properties, whether selected or not (on PostgreSQL 8 % of `/search?q=krasniqi` for ten people).
            // Their notes only for a reader who may see them.
            let notes = !access.hides(.notes)
            for row in try await rows(["id", "name", "honorific", "other_names"] + (notes ? ["notes"] : []), of: PersonModel.schema, ids) {
                let id = try row.decode(column: "id", as: UUID.self)
                let others = JSONList.decode(try row.decode(column: "other_names", as: String.self))
                let title = [try row.decode(column: "honorific", as: String?.self), try row.decode(column: "name", as: String.self)]
                hits[id] = hit(id, title.compactMap { $0 }.joined(separator: " "), others.isEmpty ? nil : others.joined(separator: ", "),
                               [others.joined(separator: ", "), notes ? try row.decode(column: "notes", as: String?.self) : nil])
            }
        case "organization":
            for row in try await rows(["id", "name", "other_names", "notes"], of: OrganizationModel.schema, ids) {
                let id = try row.decode(column: "id", as: UUID.self)
                let others = JSONList.decode(try row.decode(column: "other_names", as: String.self))
                hits[id] = hit(id, try row.decode(column: "name", as: String.self), others.isEmpty ? nil : others.joined(separator: ", "),
                               [others.joined(separator: ", "), try row.decode(column: "notes", as: String?.self)])
            }
        case "place":
            let names = try await Places(database: database, language: language).names(of: ids)
            let all = try await PlaceNameModel.query(on: database).filter(\.$place.$id ~~ ids).all()
            for id in ids {
                let spellings = all.filter { $0.$place.id == id }.map(\.name)
                hits[id] = hit(id, names[id] ?? spellings.first ?? "", spellings.joined(separator: " · "), [spellings.joined(separator: " · ")])
            }
        case "engagement":
            let rows = try await rows(["id", "title", "local_start", "place_id", "venue", "summary", "outcomes", "decisions"],
                                      of: EngagementModel.schema, ids)
            let placeIDs = try rows.compactMap { try $0.decode(column: "place_id", as: UUID?.self) }
            let places = try await Places(database: database, language: language).names(of: Array(Set(placeIDs)))
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let start = try row.decode(column: "local_start", as: String.self)
                let place = try row.decode(column: "place_id", as: UUID?.self).flatMap { places[$0] }
                let texts = try ["summary", "outcomes", "decisions", "venue"].map { try row.decode(column: $0, as: String?.self) }
                hits[id] = hit(id, try row.decode(column: "title", as: String.self),
                               [String(start.prefix(10)), place].compactMap { $0 }.joined(separator: " · "), texts)
            }
        case "agreement":
            for model in try await AgreementModel.query(on: database).filter(\.$id ~~ ids).all() {
                hits[model.id!] = hit(model.id!, model.title, model.signedOn?.description, [model.focus, model.notes])
            }
        case "recommendation":
            for model in try await RecommendationModel.query(on: database).filter(\.$id ~~ ids).all() {
                hits[model.id!] = hit(model.id!, model.title, nil, [model.text])
            }
        case "context_event":
            for model in try await ContextEventModel.query(on: database).filter(\.$id ~~ ids).all() {
                hits[model.id!] = hit(model.id!, model.title, model.startsOn == model.endsOn ? model.startsOn.description : "\(model.startsOn) – \(model.endsOn)", [model.details])
            }
        default:
            break
        }
        return ids.compactMap { hits[$0] }
    }

    /// These columns of the live records with these identities, as rows (a deleted record is no hit, as a
    /// model's query would have left it out).
    private func rows(_ columns: [String], of table: String, _ ids: [UUID]) async throws -> [any SQLRow] {
        guard !ids.isEmpty else { return [] }
        return try await database.sql.select().columns(columns.map { SQLIdentifier($0) }).from(table)
            .where(SQLAnyOf(SQLColumn("id"), ids)).where(SQLIdentifier("deleted_at"), .is, SQLLiteral.null).allPrepared()
    }
}
