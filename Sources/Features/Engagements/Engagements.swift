import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Logging engagements and reading them back. Restricted engagements follow the registry's rule: a role
/// that may not read restricted records does not see them anywhere, and restricted people are left out of
/// the participants of the engagements it does see (and kept when it saves them).
public struct Engagements: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "engagement"

    var sql: any SQLDatabase { database.sql }

    // MARK: Reading

    public struct Query: Sendable, Equatable {
        public var visitID: UUID?
        public var placeID: UUID?
        public var personID: UUID?
        public var organizationID: UUID?
        public var kind: String?
        public var topic: String?
        public var from: Day?
        public var to: Day?
        /// Oldest first (a visit's programme) rather than newest first (a timeline).
        public var chronological = false
        /// `personID` is a `SeenPerson`'s: already found visible to the actor.
        var personSeen = false
        public var page = 1
        public var perPage = 50

        public init() {}
    }

    /// A timeline: engagements the actor may see, newest first unless asked otherwise.
    public func list(_ query: Query, by actor: Actor) async throws -> ListPage<EngagementSummary> {
        try actor.require(.readRecords)
        let sql = self.sql
        let perPage = min(max(query.perPage, 1), 200)
        let page = min(max(query.page, 1), 100_000)
        let index = query.visitID != nil ? "engagements_visit" : query.placeID != nil ? "engagements_place" : nil
        var select = visible(sql.select(), to: actor, index: index).columns(Self.summaryColumns.map { SQLColumn($0, table: EngagementModel.schema) })
        if let id = query.visitID { select = select.where(SQLColumn("visit_id", table: EngagementModel.schema), .equal, SQLBind(id)) }
        if let id = query.placeID { select = select.where(SQLColumn("place_id", table: EngagementModel.schema), .equal, SQLBind(id)) }
        if let kind = query.kind { select = select.where(SQLColumn("kind", table: EngagementModel.schema), .equal, SQLBind(kind)) }
        if let topic = query.topic?.trimmingWhitespace(), !topic.isEmpty {
            // Topics are a JSON list of strings; the quoted form matches one whole topic.
            select = select.where(SQLColumn("topics", table: EngagementModel.schema), .like, SQLBind("%" + JSONList.encode([topic]).dropFirst().dropLast() + "%"))
        }
        // A period is a range of the local days; the same range of instants, widened by the largest time-zone
        // offsets (UTC−12 … UTC+14), lets the timeline's index on `starts_at` find it without reading every row.
        if let from = query.from {
            select = select.where(SQLColumn("local_start", table: EngagementModel.schema), .greaterThanOrEqual, SQLBind(from.description))
                .where(SQLColumn("starts_at", table: EngagementModel.schema), .greaterThanOrEqual, SQLBind(Self.midnightUTC(from).addingTimeInterval(-14 * 3600)))
        }
        if let to = query.to {
            select = select.where(SQLColumn("local_start", table: EngagementModel.schema), .lessThan, SQLBind(to.description + "T99"))
                .where(SQLColumn("starts_at", table: EngagementModel.schema), .lessThan, SQLBind(Self.midnightUTC(to).addingTimeInterval(36 * 3600)))
        }
        if let id = query.personID {
            // Filtering by someone the actor may not see would tell where that person has been.
            if !query.personSeen, !(try await People(database: database).isVisible(id, to: actor)) {
                return ListPage(items: [], page: page, perPage: perPage, total: 0, totalIsAtLeast: false, hasMore: false)
            }
            select = select.where(SQLQueryString("\(ident: EngagementModel.schema).\(ident: "id") IN (SELECT \(ident: "engagement_id") FROM \(ident: ParticipationModel.schema) WHERE \(ident: "person_id") = \(bind: id))"))
        }
        if let id = query.organizationID {
            select = select.where(SQLQueryString("\(ident: EngagementModel.schema).\(ident: "id") IN (SELECT \(ident: "engagement_id") FROM \(ident: EngagementOrganizationModel.schema) WHERE \(ident: "organization_id") = \(bind: id))"))
        }
        let direction: SQLDirection = query.chronological ? .ascending : .descending
        select = select
            .orderBy(SQLColumn("starts_at", table: EngagementModel.schema), direction)
            .orderBy(SQLColumn("id", table: EngagementModel.schema), direction)
            .limit(perPage + 1).offset((page - 1) * perPage)
        // The first page of a history (a person's, an organisation's, a visit's, a place's) or of the timeline as
        // it opens is read most, and its plan is the same whoever it is for: prepared, PostgreSQL keeps one plan.
        // A period, a kind or a topic is planned for its values each time (a decade is not a week), and later
        // pages write their offset into the text, one text each: those run as ordinary statements.
        let byIdentityOnly = query.from == nil && query.to == nil && query.kind == nil && (query.topic?.trimmingWhitespace() ?? "").isEmpty
        let rows = try await select.all(prepared: page == 1 && byIdentityOnly)
        let summaries = try await summaries(Array(rows.prefix(perPage)))
        let hasMore = rows.count > perPage
        let seen = (page - 1) * perPage + summaries.count
        return ListPage(items: summaries, page: page, perPage: perPage, total: seen + (hasMore ? 1 : 0), totalIsAtLeast: hasMore, hasMore: hasMore)
    }

    static func midnightUTC(_ day: Day) -> Date {
        LocalStart(day: day, hour: 0, minute: 0)!.instant(in: TimeZone(identifier: "UTC")!)
    }

    /// The engagements the actor may see: not deleted, and not restricted unless they may read those.
    /// - Parameter index: on SQLite, the index to read (SQLite has no statistics unless ANALYZE ran, and
    ///   without them it walked all 300,000 engagements in time order looking for one visit's five).
    func visible(_ select: SQLSelectBuilder, to actor: Actor, index: String? = nil) -> SQLSelectBuilder {
        let onSQLite = sql.dialect.name == "sqlite"
        let table: any SQLExpression = index.flatMap { name in
            onSQLite ? SQLQueryString("\(ident: EngagementModel.schema) INDEXED BY \(ident: name)") : nil
        } ?? SQLIdentifier(EngagementModel.schema)
        return select.from(table).where(VisibleConfidentialRow(in: EngagementModel.schema, to: actor))
    }
}
