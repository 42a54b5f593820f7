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
            guard try await People(database: database).isVisible(id, to: actor) else {
                return ListPage(items: [], page: page, perPage: perPage, total: 0, totalIsAtLeast: false, hasMore: false)
            }
            select = select.where(SQLQueryString("\(ident: EngagementModel.schema).\(ident: "id") IN (SELECT \(ident: "engagement_id") FROM \(ident: ParticipationModel.schema) WHERE \(ident: "person_id") = \(bind: id))"))
        }
        if let id = query.organizationID {
            select = select.where(SQLQueryString("\(ident: EngagementModel.schema).\(ident: "id") IN (SELECT \(ident: "engagement_id") FROM \(ident: EngagementOrganizationModel.schema) WHERE \(ident: "organization_id") = \(bind: id))"))
        }
        let direction: SQLDirection = query.chronological ? .ascending : .descending
        let rows = try await select
            .orderBy(SQLColumn("starts_at", table: EngagementModel.schema), direction)
            .orderBy(SQLColumn("id", table: EngagementModel.schema), direction)
            .limit(perPage + 1).offset((page - 1) * perPage).all()
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
        var select = select.from(table).where(SQLColumn("deleted_at", table: EngagementModel.schema), .is, SQLLiteral.null)
        if !actor.canSee(confidentiality: .restricted) {
            select = select.where(SQLColumn("confidentiality", table: EngagementModel.schema), .notEqual, SQLBind(Confidentiality.restricted))
        }
        return select
    }

    /// Engagements by identity that the actor may see, oldest first (for records that point at engagements).
    func summaries(ids: [UUID], by actor: Actor) async throws -> [EngagementSummary] {
        guard !ids.isEmpty else { return [] }
        let rows = try await visible(sql.select(), to: actor).columns(Self.summaryColumns.map { SQLColumn($0, table: EngagementModel.schema) })
            .where(SQLColumn("id", table: EngagementModel.schema), .in, SQLBind.group(ids))
            .orderBy(SQLColumn("starts_at", table: EngagementModel.schema)).all()
        return try await summaries(rows)
    }

    static let summaryColumns = ["id", "kind", "title", "local_start", "time_zone", "starts_at", "place_id", "venue", "visit_id",
                                 "confidentiality", "topics", "deleted_at"]

    func summaries(_ rows: [any SQLRow]) async throws -> [EngagementSummary] {
        var placeIDs: Set<UUID> = [], visitIDs: Set<UUID> = []
        for row in rows {
            if let id = try row.decode(column: "place_id", as: UUID?.self) { placeIDs.insert(id) }
            if let id = try row.decode(column: "visit_id", as: UUID?.self) { visitIDs.insert(id) }
        }
        let places = try await Places(database: database, language: language).names(of: Array(placeIDs))
        let visits = try await FieldVisits(database: database).titles(of: Array(visitIDs))
        let kindLabels = try await EngagementKinds(database: database).addedLabels()
        return try rows.map { row in
            let placeID = try row.decode(column: "place_id", as: UUID?.self)
            let visitID = try row.decode(column: "visit_id", as: UUID?.self)
            return EngagementSummary(
                id: try row.decode(column: "id", as: UUID.self),
                kind: try row.decode(column: "kind", as: String.self),
                kindLabel: kindLabels[try row.decode(column: "kind", as: String.self)],
                title: try row.decode(column: "title", as: String.self),
                start: try row.decode(column: "local_start", as: String.self),
                timeZone: try row.decode(column: "time_zone", as: String.self),
                startsAt: try row.decode(column: "starts_at", as: Date.self),
                place: placeID.flatMap { id in places[id].map { RecordRef(id: id, name: $0) } },
                venue: try row.decode(column: "venue", as: String?.self),
                visit: visitID.flatMap { id in visits[id].map { RecordRef(id: id, name: $0) } },
                confidentiality: try row.decode(column: "confidentiality", as: Confidentiality.self),
                topics: JSONList.decode(try row.decode(column: "topics", as: String.self)),
                isDeleted: !(try row.decodeNil(column: "deleted_at"))
            )
        }
    }

    func summary(_ model: EngagementModel) async throws -> EngagementSummary {
        let place = try await model.placeID.asyncMap { try await Places(database: database, language: language).ref($0) } ?? nil
        let visit = try await model.visitID.asyncMap { id in try await FieldVisits(database: database).titles(of: [id])[id].map { RecordRef(id: id, name: $0) } } ?? nil
        return EngagementSummary(
            id: model.id!, kind: model.kind, kindLabel: try await EngagementKinds(database: database).addedLabels()[model.kind], title: model.title, start: model.localStart,
            timeZone: model.timeZone, startsAt: model.startsAt, place: place, venue: model.venue, visit: visit,
            confidentiality: model.confidentiality, topics: JSONList.decode(model.topicsJSON),
            isDeleted: model.deletedAt != nil
        )
    }

    public func record(_ model: EngagementModel, by actor: Actor) async throws -> EngagementRecord {
        let id = model.id!
        let summary = try await summary(model)
        let organizations = try await EngagementOrganizationModel.query(on: database).filter(\.$engagementID == id).all()
        let orgNames = try await PeopleListQuery.names(of: OrganizationModel.schema, ids: organizations.map(\.organizationID), sql: sql)
        func refs(_ role: EngagementOrganizationRole) -> [RecordRef] {
            organizations.filter { $0.role == role }.compactMap { org in orgNames[org.organizationID].map { RecordRef(id: org.organizationID, name: $0) } }
                .sorted { $0.name < $1.name }
        }
        let participants = try await participantRecords(of: id, on: summary.day, by: actor)
        let counts = try await HeadCountModel.query(on: database).filter(\.$engagementID == id).sort(\.$position).all().map { row in
            HeadCount(category: row.category, count: row.count, atLeast: row.atLeast,
                      byGender: Self.decodeCounts(row.byGenderJSON), byCommunity: Self.decodeCounts(row.byCommunityJSON))
        }
        let followUps = try await FollowUps(database: database).of(engagementID: id, title: model.title)
        let quotes = try await Quotes(database: database).of(engagementID: id, by: actor)
        let photos = try await PhotoCatalog(database: database).of(engagementID: id, by: actor)
        return EngagementRecord(
            summary: summary, durationMinutes: model.durationMinutes, hosts: refs(.host), partners: refs(.partner),
            participants: participants, headCounts: counts, notes: model.summary, outcomes: model.outcomes, decisions: model.decisions,
            aggregateOnly: model.aggregateOnly, followUps: followUps, quotes: quotes, photos: photos, version: model.version, createdAt: model.createdAt, updatedAt: model.updatedAt
        )
    }

    /// Named participants the actor may see, with the title each held on the day.
    func participantRecords(of engagementID: UUID, on day: Day?, by actor: Actor) async throws -> [ParticipantRecord] {
        var select = sql.select()
            .column(SQLColumn("person_id", table: ParticipationModel.schema)).column(SQLColumn("part", table: ParticipationModel.schema))
            .column(SQLColumn("title", table: ParticipationModel.schema)).column(SQLColumn("name", table: PersonModel.schema))
            .from(ParticipationModel.schema)
            .join(PersonModel.schema, on: SQLColumn("id", table: PersonModel.schema), .equal, SQLColumn("person_id", table: ParticipationModel.schema))
            .where(SQLColumn("engagement_id", table: ParticipationModel.schema), .equal, SQLBind(engagementID))
            .where(SQLColumn("deleted_at", table: PersonModel.schema), .is, SQLLiteral.null)
        if !actor.canSee(.restricted) {
            select = select.where(SQLColumn("sensitivity", table: PersonModel.schema), .equal, SQLBind(Sensitivity.normal))
        }
        let rows = try await select.orderBy(SQLColumn("sort_name", table: PersonModel.schema)).all()
        let personIDs = try rows.map { try $0.decode(column: "person_id", as: UUID.self) }
        let held = try await Positions(database: database).held(by: personIDs)
        let parts = ParticipantPart.allCases
        return try rows.map { row in
            let personID = try row.decode(column: "person_id", as: UUID.self)
            let recorded = try row.decode(column: "title", as: String?.self)
            let onTheDay = day.flatMap { PositionHistory.title(on: $0, among: held[personID] ?? []) }
            return ParticipantRecord(
                person: RecordRef(id: personID, name: try row.decode(column: "name", as: String.self)),
                part: try row.decode(column: "part", as: ParticipantPart.self),
                title: recorded ?? onTheDay?.title, organization: recorded == nil ? onTheDay?.organization : nil,
                titleRecorded: recorded != nil
            )
        }.sorted { parts.firstIndex(of: $0.part)! < parts.firstIndex(of: $1.part)! }
    }

    static func decodeCounts(_ json: String) -> [String: Int] {
        (try? JSONDecoder().decode([String: Int].self, from: Data(json.utf8))) ?? [:]
    }

    static func encodeCounts(_ counts: [String: Int]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(counts)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }
}
