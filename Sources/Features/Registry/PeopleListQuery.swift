import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The people list in SQL, without building a Fluent model per row: decoding a model goes through
/// reflection and costs about 0.2 ms a row, which at 50 rows a page (and 1,000 counted) was most of the
/// page's time at 100,000 people. The rules are the same as `People.visible(to:)`.
struct PeopleListQuery {
    let sql: any SQLDatabase
    let query: People.Query
    let actor: Actor
    /// The filter's folded words, folded once: a page asks for them a dozen times.
    let words: [String]

    /// How many words the lead word may begin for the page to be read from their rows in name order
    /// (`pageInWordOrder`); beyond, it sorts the matches or walks the index. Tests set 0 to try the other ways.
    let mergeableWords: Int

    init(sql: any SQLDatabase, query: People.Query, actor: Actor, mergeableWords: Int = 8) {
        self.sql = sql
        self.query = query
        self.actor = actor
        self.mergeableWords = mergeableWords
        words = query.text.map(NameIndex.words) ?? []
    }

    struct Row: Sendable {
        var id: UUID
        var name: String
        var honorific: String?
        var communityID: UUID?
        var placeID: UUID?
        var sensitivity: String
        var isDeleted: Bool
    }

    /// The filtered select, before its columns, order and limit.
    /// - Parameter scanInNameOrder: on SQLite, keep the planner from driving the query from the name
    ///   words' matches (see `page()`); it then walks the people in name order and checks each against them.
    /// - Parameter byName: leave out the name words when the people are already chosen by them.
    func filtered(_ builder: SQLSelectBuilder, scanInNameOrder: Bool = false, byName: Bool = true) -> SQLSelectBuilder {
        var builder = builder.from(PersonModel.schema)
        if !(query.includeDeleted && actor.can(.restoreRecords)) { builder = builder.where("deleted_at", .is, SQLLiteral.null) }
        // Raw values: PostgresNIO binds text itself, so the read can be prepared (`PreparedSQL`).
        if !actor.canSee(.restricted) { builder = builder.where("sensitivity", .equal, Sensitivity.normal.rawValue) }
        if let sensitivity = query.sensitivity { builder = builder.where("sensitivity", .equal, sensitivity.rawValue) }
        if let id = query.communityID { builder = builder.where("community_id", .equal, id) }
        if let id = query.placeID { builder = builder.where("place_id", .equal, id) }
        // `+id` is SQLite's way to say "do not use an index for this term"; PostgreSQL plans by cost anyway.
        let id: SQLQueryString = scanInNameOrder && sql.dialect.name == "sqlite" ? "+\(ident: "id")" : "\(ident: "id")"
        for word in words where byName {
            builder = builder.where(SQLQueryString("\(id) IN (\(NameIndex.matching(word, recordType: People.recordType)))"))
        }
        return builder
    }

    var perPage: Int { min(max(query.perPage, 1), 200) }
    var pageNumber: Int { min(max(query.page, 1), 1_000_000) }

    /// A page of people and how many match.
    ///
    /// Lists without a name filter read the people table. A name filter with other filters counts its
    /// matches in the name index, then reads the people: a rare name looks its few matches up, a common one
    /// walks the people in name order and checks each against the words.
    ///
    /// A name filter alone or with a community (the common cases) stays in the name index. Where its lead word
    /// begins a few words (a typed name nearly always), the page is read from those words' rows in name order.
    /// Otherwise (a letter or two), a few matches (up to
    /// `ListPage.countLimit`) are sorted once and give both the count and the page. Many matches are read
    /// in name order from the index, where the page's first fifty come after a few thousand entries at most,
    /// instead of sorting every match for each page; deep pages of a name with a few thousand matches sort.
    func page() async throws -> ListPage<Row> {
        guard !words.isEmpty else { return try await pageFromPeople(scanInNameOrder: false, counted: nil) }
        let fromIndexAlone = query.placeID == nil && query.sensitivity == nil && query.sort.isByName
        guard fromIndexAlone else {
            let counted = try await countFromIndex()
            return try await pageFromPeople(scanInNameOrder: counted > countLimit, counted: nil)
        }
        let offset = (pageNumber - 1) * perPage
        let begun = try await leadWords()
        if begun.count <= mergeableWords {
            guard !begun.isEmpty else { return listPage(([], false), counted: 0) }
            async let counted = countFromIndex(exactly: begun.count == 1 ? begun[0] : nil)
            let people = try await people(try await pageInWordOrder(begun, offset: offset))
            return listPage(people, counted: try await counted)
        }
        let lead = try await leadWordMatches()
        // One word's entries are (nearly) its matches; more words narrow the lead word's entries to fewer.
        if lead <= countLimit || (words.count > 1 && lead <= Self.sortableMatches) {
            let sorted = try await sortedMatches(limit: countLimit + 1)
            if sorted.count <= countLimit || offset + perPage < sorted.count {
                let found = try sorted.dropFirst(offset).prefix(perPage + 1).map { try $0.decode(column: "record_id", as: UUID.self) }
                return listPage(try await people(found), counted: sorted.count)
            }
        }
        // Many matches: counted while the page is found and read (on PostgreSQL each is a round trip).
        async let counted = countFromIndex()
        let found = lead <= Self.sortableMatches && offset >= countLimit / 4 ? try await sortedPage(offset: offset) : try await pageInNameOrder(offset: offset)
        let people = try await people(found)
        return listPage(people, counted: try await counted)
    }

    var countLimit: Int { ListPage<Row>.countLimit }

    /// The page read from the people table, in its order (what `PostgresPlanTests` explains).
    func pageSelect(scanInNameOrder: Bool = false) -> SQLSelectBuilder {
        var select = columns(filtered(sql.select(), scanInNameOrder: scanInNameOrder))
        switch query.sort {
        case .name: select = select.orderBy("sort_name", .ascending).orderBy("id", .ascending)
        case .nameDescending: select = select.orderBy("sort_name", .descending).orderBy("id", .descending)
        case .updated: select = select.orderBy("updated_at", .descending).orderBy("id", .descending)
        case .updatedAscending: select = select.orderBy("updated_at", .ascending).orderBy("id", .ascending)
        }
        return select.limit(perPage + 1).offset((pageNumber - 1) * perPage)
    }

    /// Whether the unfiltered list's reads may be prepared (`PreparedSQL`): its first page, by name or by change,
    /// is the same plan for every reader of a role. A community, a place or a sensitivity is not: how many people
    /// it holds decides between walking the list's order and reading its own index, so it is planned each time.
    var isPlainFirstPage: Bool {
        pageNumber == 1 && words.isEmpty && query.communityID == nil && query.placeID == nil && query.sensitivity == nil
    }

    func pageFromPeople(scanInNameOrder: Bool, counted: Int?) async throws -> ListPage<Row> {
        let rows = try await pageSelect(scanInNameOrder: scanInNameOrder).all(prepared: isPlainFirstPage).map(Self.row)
        let hasMore = rows.count > perPage
        let items = Array(rows.prefix(perPage))
        let limit = ListPage<Row>.countLimit
        if let counted {
            return ListPage(items: items, page: pageNumber, perPage: perPage, total: min(counted, limit), totalIsAtLeast: counted > limit, hasMore: hasMore)
        }
        if pageNumber == 1, !hasMore {
            return ListPage(items: items, page: pageNumber, perPage: perPage, total: items.count, totalIsAtLeast: false, hasMore: false)
        }
        // Count up to the limit only: a sub-select with LIMIT stops reading the index there.
        let inner = filtered(sql.select()).column(SQLLiteral.numeric("1")).limit(limit + 1)
        let total = try await sql.select()
            .column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(SQLAlias(SQLGroupExpression(inner.select), as: SQLIdentifier("matches")))
            .all(prepared: isPlainFirstPage).first?.decode(column: "n", as: Int.self) ?? 0
        return ListPage(items: items, page: pageNumber, perPage: perPage, total: min(total, limit), totalIsAtLeast: total > limit, hasMore: hasMore)
    }

    func columns(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
        select.column("id").column("name").column("honorific").column("community_id").column("place_id").column("sensitivity")
            .column("deleted_at")
    }

    static func row(_ row: any SQLRow) throws -> Row {
        Row(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            honorific: try row.decode(column: "honorific", as: String?.self),
            communityID: try row.decode(column: "community_id", as: UUID?.self),
            placeID: try row.decode(column: "place_id", as: UUID?.self),
            sensitivity: try row.decode(column: "sensitivity", as: String.self),
            isDeleted: !(try row.decodeNil(column: "deleted_at")))
    }
}
