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

    struct Row: Sendable {
        var id: UUID
        var name: String
        var honorific: String?
        var communityID: UUID?
        var sensitivity: String
        var isDeleted: Bool
    }

    /// The filtered select, before its columns, order and limit.
    func filtered(_ builder: SQLSelectBuilder) -> SQLSelectBuilder {
        var builder = builder.from(PersonModel.schema)
        if !(query.includeDeleted && actor.can(.restoreRecords)) { builder = builder.where("deleted_at", .is, SQLLiteral.null) }
        if !actor.canSee(.restricted) { builder = builder.where("sensitivity", .equal, Sensitivity.normal.rawValue) }
        if let sensitivity = query.sensitivity { builder = builder.where("sensitivity", .equal, sensitivity.rawValue) }
        if let id = query.communityID { builder = builder.where("community_id", .equal, id) }
        if let id = query.placeID { builder = builder.where("place_id", .equal, id) }
        if let text = query.text {
            for word in Set(NameFolding.tokens(text)).prefix(8) {
                builder = builder.where(SQLQueryString("""
                    \(ident: "id") IN (SELECT \(ident: "record_id") FROM \(ident: NameTokenModel.schema) \
                    WHERE \(ident: "record_type") = \(bind: People.recordType) AND \(ident: "token") >= \(bind: word) \
                    AND \(ident: "token") < \(bind: NameIndex.successor(of: word)))
                    """))
            }
        }
        return builder
    }

    func page() async throws -> ListPage<Row> {
        let perPage = min(max(query.perPage, 1), 200)
        let page = min(max(query.page, 1), 1_000_000)
        var select = filtered(sql.select())
            .column("id").column("name").column("honorific").column("community_id").column("sensitivity")
            .column("deleted_at")
        switch query.sort {
        case .name: select = select.orderBy("sort_name", .ascending).orderBy("id", .ascending)
        case .nameDescending: select = select.orderBy("sort_name", .descending).orderBy("id", .descending)
        case .updated: select = select.orderBy("updated_at", .descending).orderBy("id", .descending)
        }
        let rows = try await select.limit(perPage + 1).offset((page - 1) * perPage).all().map { row in
            Row(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                honorific: try row.decode(column: "honorific", as: String?.self),
                communityID: try row.decode(column: "community_id", as: UUID?.self),
                sensitivity: try row.decode(column: "sensitivity", as: String.self),
                isDeleted: !(try row.decodeNil(column: "deleted_at")))
        }
        let hasMore = rows.count > perPage
        let items = Array(rows.prefix(perPage))
        if page == 1, !hasMore {
            return ListPage(items: items, page: page, perPage: perPage, total: items.count, totalIsAtLeast: false, hasMore: false)
        }
        // Count up to the limit only: a sub-select with LIMIT stops reading the index there.
        let limit = ListPage<Row>.countLimit
        let inner = filtered(sql.select()).column(SQLLiteral.numeric("1")).limit(limit + 1)
        let counted = try await sql.select()
            .column(SQLAlias(SQLFunction("count", args: SQLLiteral.all), as: SQLIdentifier("n")))
            .from(SQLAlias(SQLGroupExpression(inner.select), as: SQLIdentifier("matches")))
            .first()?.decode(column: "n", as: Int.self) ?? 0
        return ListPage(items: items, page: page, perPage: perPage, total: min(counted, limit), totalIsAtLeast: counted > limit, hasMore: hasMore)
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

    static func names(of table: String, ids: [UUID], sql: any SQLDatabase) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().column("id").column("name").from(table).where("id", .in, ids).all()
        var names: [UUID: String] = [:]
        for row in rows { names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: "name", as: String.self) }
        return names
    }
}
