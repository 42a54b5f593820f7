import Domain
import Foundation
import SQLKit
import Storage

/// The list when a name filter leads: matches found in the name index, counted there, and paged either by
/// sorting a few matches or by reading the index in list order.
///
/// On PostgreSQL these reads are prepared once per connection (`PreparedSQL`), except past the first page (its
/// offset is in the text): each walks the name index by its key (the only index that holds the words), which is
/// the plan for every word and community, so the one PostgreSQL keeps suits them all. `PostgresPlanTests` reads
/// the word-order page's plan.
extension PeopleListQuery {
    /// Beyond this many entries for the lead word, sorting them costs more than reading the index in order.
    static let sortableMatches = 5_000

    /// How many index entries the lead word matches, counted up to just past `sortableMatches`.
    func leadWordMatches() async throws -> Int {
        let entries = indexMatches(sql.select().column(SQLLiteral.numeric("1")), leadOnly: true).limit(Self.sortableMatches + 1)
        return try await sql.select()
            .column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(SQLAlias(SQLGroupExpression(entries.select), as: SQLIdentifier("entries")))
            .allPrepared().first?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The filter's longest word, which finds the matches in the index; the others narrow them.
    var leadWord: String { words.max { $0.count < $1.count } ?? "" }

    /// The words' matches the actor may see, in the index: the longest word leads, the others narrow.
    /// On SQLite the way in is named: with the table's own key and a second index on the words, its planner
    /// guesses wrong without statistics. `NOT INDEXED` reads the table by its key (record_type, token, …).
    /// - Parameter word: one of the words the lead word begins, to read that word's rows alone (in name order).
    func indexMatches(_ select: SQLSelectBuilder, leadOnly: Bool = false, inNameOrder: Bool = false, exactly word: String? = nil) -> SQLSelectBuilder {
        let lead = leadWord
        let table: any SQLExpression = sql.dialect.name == "sqlite"
            ? (inNameOrder ? SQLQueryString("\(ident: NameTokens.schema) INDEXED BY \(ident: NameTokens.nameOrderIndex)")
                           : SQLQueryString("\(ident: NameTokens.schema) NOT INDEXED"))
            : SQLIdentifier(NameTokens.schema)
        var select = select.from(table).where("record_type", .equal, People.recordType)
        select = word.map { select.where("token", .equal, $0) }
            ?? select.where("token", .greaterThanOrEqual, lead).where("token", .lessThan, NameIndex.successor(of: lead))
        select = select
            .where("visibility", .lessThanOrEqual, NameIndex.Visibility.highest(for: actor, includeDeleted: query.includeDeleted).rawValue)
        if let community = query.communityID { select = select.where("community_id", .equal, community) }
        // The other words narrow the lead word's rows, read from the rows themselves.
        for other in words where other != lead && !leadOnly {
            select = select.where(NameIndex.alsoHas(other, dialect: sql.dialect.name))
        }
        return select
    }

    /// How many people match, counted up to one past `countLimit`.
    /// - Parameter word: the one word the lead word begins, when it begins one: its rows are counted as they lie,
    ///   one a person (the index holds each word of a record once), and the count stops at the limit. Otherwise
    ///   the people are told apart (`DISTINCT`), which on PostgreSQL reads every match first: 3.4 ms against
    ///   0.3 for "krasniqi"'s 3,883 rows at 100,000 people.
    func countFromIndex(exactly word: String? = nil) async throws -> Int {
        let matches = word.map { indexMatches(sql.select().column(SQLLiteral.numeric("1")), exactly: $0) }
            ?? indexMatches(sql.select().distinct().column("record_id"))
        return try await sql.select()
            .column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(SQLAlias(SQLGroupExpression(matches.limit(countLimit + 1).select), as: SQLIdentifier("matches")))
            .allPrepared().first?.decode(column: "n", as: Int.self) ?? 0
    }

    var direction: SQLDirection { query.sort == .nameDescending ? .descending : .ascending }

    /// Up to `limit` matches in list order, found by sorting all of them (rows hold `record_id`, decoded as needed).
    func sortedMatches(limit: Int, offset: Int = 0) async throws -> [any SQLRow] {
        try await indexMatches(sql.select().column("record_id"))
            .groupBy("record_id").groupBy("sort_name")
            .orderBy("sort_name", direction).orderBy("record_id", direction)
            .limit(limit).offset(offset)
            .all(prepared: offset == 0)
    }

    func sortedPage(offset: Int) async throws -> [UUID] {
        try await sortedMatches(limit: perPage + 1, offset: offset).map { try $0.decode(column: "record_id", as: UUID.self) }
    }

    /// The page read in list order from the name-order index: no sort, and it stops after the page.
    func pageInNameOrder(offset: Int) async throws -> [UUID] {
        try await indexMatches(sql.select().column("record_id"), inNameOrder: true)
            .groupBy("sort_name").groupBy("record_id")
            .orderBy("sort_name", direction).orderBy("record_id", direction)
            .limit(perPage + 1).offset(offset)
            .all(prepared: offset == 0).map { try $0.decode(column: "record_id", as: UUID.self) }
    }

    /// The people of a page whose matches were found in the index, in their order (one more than the page
    /// was found, to know if more follow).
    func people(_ found: [UUID]) async throws -> (items: [Row], hasMore: Bool) {
        let ids = Array(found.prefix(perPage))
        // The page's people, through the same visibility rules as every other list (the index agrees with
        // them, being written in the same transaction; this keeps a restricted person out even if it did not).
        let rows = ids.isEmpty ? [] : try await columns(filtered(sql.select(), byName: false).where(SQLAnyOf(SQLColumn("id"), ids)))
            .allPrepared().map(Self.row)
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return (ids.compactMap { byID[$0] }, found.count > perPage)
    }

    func listPage(_ people: (items: [Row], hasMore: Bool), counted: Int) -> ListPage<Row> {
        ListPage(items: people.items, page: pageNumber, perPage: perPage, total: min(counted, countLimit), totalIsAtLeast: counted > countLimit,
                 hasMore: people.hasMore)
    }
}
