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

    init(sql: any SQLDatabase, query: People.Query, actor: Actor) {
        self.sql = sql
        self.query = query
        self.actor = actor
        words = query.text.map(NameIndex.words) ?? []
    }

    struct Row: Sendable {
        var id: UUID
        var name: String
        var honorific: String?
        var communityID: UUID?
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
        if !actor.canSee(.restricted) { builder = builder.where("sensitivity", .equal, Sensitivity.normal) }
        if let sensitivity = query.sensitivity { builder = builder.where("sensitivity", .equal, sensitivity) }
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
    /// A name filter alone (the common case) stays in the name index. A few matches (up to
    /// `ListPage.countLimit`) are sorted once and give both the count and the page. Many matches are read
    /// in name order from the index, where the page's first fifty come after a few thousand entries at most,
    /// instead of sorting every match for each page; deep pages of a name with a few thousand matches sort.
    func page() async throws -> ListPage<Row> {
        guard !words.isEmpty else { return try await pageFromPeople(scanInNameOrder: false, counted: nil) }
        let fromIndexAlone = query.communityID == nil && query.placeID == nil && query.sensitivity == nil && query.sort != .updated
        guard fromIndexAlone else {
            let counted = try await countFromIndex()
            return try await pageFromPeople(scanInNameOrder: counted > countLimit, counted: nil)
        }
        let lead = try await leadWordMatches()
        let offset = (pageNumber - 1) * perPage
        // One word's entries are (nearly) its matches; more words narrow the lead word's entries to fewer.
        if lead <= countLimit || (words.count > 1 && lead <= Self.sortableMatches) {
            let sorted = try await sortedMatches(limit: countLimit + 1)
            if sorted.count <= countLimit || offset + perPage < sorted.count {
                return try await page(of: sorted.dropFirst(offset).prefix(perPage + 1).map { try $0.decode(column: "record_id", as: UUID.self) },
                                      counted: sorted.count)
            }
        }
        let counted = try await countFromIndex()
        if lead <= Self.sortableMatches && offset >= countLimit / 4 {
            return try await page(of: sortedPage(offset: offset), counted: counted)
        }
        return try await page(of: pageInNameOrder(offset: offset), counted: counted)
    }

    var countLimit: Int { ListPage<Row>.countLimit }

    /// Beyond this many entries for the lead word, sorting them costs more than reading the index in order.
    static let sortableMatches = 5_000

    /// How many index entries the lead word matches, counted up to just past `sortableMatches`.
    func leadWordMatches() async throws -> Int {
        let entries = indexMatches(sql.select().column(SQLLiteral.numeric("1")), leadOnly: true).limit(Self.sortableMatches + 1)
        return try await sql.select()
            .column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(SQLAlias(SQLGroupExpression(entries.select), as: SQLIdentifier("entries")))
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The words' matches the actor may see, in the index: the longest word leads, the others narrow.
    /// On SQLite the way in is named: with the table's own key and a second index on the words, its planner
    /// guesses wrong without statistics. `NOT INDEXED` reads the table by its key (record_type, token, …).
    private func indexMatches(_ select: SQLSelectBuilder, leadOnly: Bool = false, inNameOrder: Bool = false) -> SQLSelectBuilder {
        let lead = words.max { $0.count < $1.count } ?? ""
        let table: any SQLExpression = sql.dialect.name == "sqlite"
            ? (inNameOrder ? SQLQueryString("\(ident: NameTokens.schema) INDEXED BY \(ident: NameTokens.nameOrderIndex)")
                           : SQLQueryString("\(ident: NameTokens.schema) NOT INDEXED"))
            : SQLIdentifier(NameTokens.schema)
        var select = select.from(table)
            .where("record_type", .equal, People.recordType)
            .where("token", .greaterThanOrEqual, lead).where("token", .lessThan, NameIndex.successor(of: lead))
            .where("visibility", .lessThanOrEqual, NameIndex.Visibility.highest(for: actor, includeDeleted: query.includeDeleted).rawValue)
        // The other words narrow the lead word's rows, read from the rows themselves.
        for word in words where word != lead && !leadOnly {
            select = select.where(NameIndex.alsoHas(word, dialect: sql.dialect.name))
        }
        return select
    }

    func countFromIndex() async throws -> Int {
        let distinct = indexMatches(sql.select().distinct().column("record_id")).limit(countLimit + 1)
        return try await sql.select()
            .column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(SQLAlias(SQLGroupExpression(distinct.select), as: SQLIdentifier("matches")))
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private var direction: SQLDirection { query.sort == .nameDescending ? .descending : .ascending }

    /// Up to `limit` matches in list order, found by sorting all of them (rows hold `record_id`, decoded as needed).
    func sortedMatches(limit: Int, offset: Int = 0) async throws -> [any SQLRow] {
        try await indexMatches(sql.select().column("record_id"))
            .groupBy("record_id").groupBy("sort_name")
            .orderBy("sort_name", direction).orderBy("record_id", direction)
            .limit(limit).offset(offset)
            .all()
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
            .all().map { try $0.decode(column: "record_id", as: UUID.self) }
    }

    /// The people of a page whose matches were found in the index (one more than the page, to know if more follow).
    func page(of found: [UUID], counted: Int) async throws -> ListPage<Row> {
        let hasMore = found.count > perPage
        let ids = Array(found.prefix(perPage))
        // The page's people, through the same visibility rules as every other list (the index agrees with
        // them, being written in the same transaction; this keeps a restricted person out even if it did not).
        let rows = ids.isEmpty ? [] : try await columns(filtered(sql.select(), byName: false).where("id", .in, SQLBind.group(ids))).all().map(Self.row)
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let items = ids.compactMap { byID[$0] }
        return ListPage(items: items, page: pageNumber, perPage: perPage, total: min(counted, countLimit), totalIsAtLeast: counted > countLimit,
                        hasMore: hasMore)
    }

    func pageFromPeople(scanInNameOrder: Bool, counted: Int?) async throws -> ListPage<Row> {
        var select = columns(filtered(sql.select(), scanInNameOrder: scanInNameOrder))
        switch query.sort {
        case .name: select = select.orderBy("sort_name", .ascending).orderBy("id", .ascending)
        case .nameDescending: select = select.orderBy("sort_name", .descending).orderBy("id", .descending)
        case .updated: select = select.orderBy("updated_at", .descending).orderBy("id", .descending)
        }
        let rows = try await select.limit(perPage + 1).offset((pageNumber - 1) * perPage).all().map(Self.row)
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
            .first()?.decode(column: "n", as: Int.self) ?? 0
        return ListPage(items: items, page: pageNumber, perPage: perPage, total: min(total, limit), totalIsAtLeast: total > limit, hasMore: hasMore)
    }

    private func columns(_ select: SQLSelectBuilder) -> SQLSelectBuilder {
        select.column("id").column("name").column("honorific").column("community_id").column("sensitivity").column("deleted_at")
    }

    private static func row(_ row: any SQLRow) throws -> Row {
        Row(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            honorific: try row.decode(column: "honorific", as: String?.self),
            communityID: try row.decode(column: "community_id", as: UUID?.self),
            sensitivity: try row.decode(column: "sensitivity", as: String.self),
            isDeleted: !(try row.decodeNil(column: "deleted_at")))
    }

    /// "Title · Organisation" for every current position of these people, in one joined query.
    static func currentRoles(of ids: [UUID], today: Day, sql: any SQLDatabase) async throws -> [UUID: [String]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select()
            .column(SQLColumn("person_id", table: PositionModel.schema)).column(SQLColumn("title", table: PositionModel.schema))
            .column(SQLColumn("starts_on", table: PositionModel.schema)).column(SQLColumn("ends_on", table: PositionModel.schema))
            .column(SQLAlias(SQLColumn("name", table: OrganizationModel.schema), as: SQLIdentifier("organization")))
            .from(PositionModel.schema)
            .join(OrganizationModel.schema, on: SQLColumn("id", table: OrganizationModel.schema), .equal, SQLColumn("organization_id", table: PositionModel.schema))
            .where(SQLColumn("person_id", table: PositionModel.schema), .in, SQLBind.group(ids))
            .where(SQLColumn("deleted_at", table: PositionModel.schema), .is, SQLLiteral.null)
            .where(SQLColumn("deleted_at", table: OrganizationModel.schema), .is, SQLLiteral.null)
            .all()
        var roles: [UUID: [String]] = [:]
        for row in rows {
            let span = DaySpan(from: try row.decode(column: "starts_on", as: String?.self).flatMap(Day.init),
                               to: try row.decode(column: "ends_on", as: String?.self).flatMap(Day.init))
            guard span.contains(today) else { continue }
            let person = try row.decode(column: "person_id", as: UUID.self)
            roles[person, default: []].append("\(try row.decode(column: "title", as: String.self)) · \(try row.decode(column: "organization", as: String.self))")
        }
        return roles
    }

    static func names(of table: String, ids: [UUID], sql: any SQLDatabase, column: String = "name") async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().column("id").column(column).from(table).where("id", .in, ids).all()
        var names: [UUID: String] = [:]
        for row in rows { names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: column, as: String.self) }
        return names
    }
}
