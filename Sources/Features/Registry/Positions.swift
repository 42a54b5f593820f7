import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// People's roles at organisations over time. A position belongs to its person: who may not see a
/// restricted person may not see their positions either.
public struct Positions: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public static let recordType = "position"

    public func of(personID: UUID, by actor: Actor) async throws -> [PositionRecord] {
        try await records(PositionModel.query(on: database).filter(\.$person.$id == personID), by: actor)
    }

    /// The positions of the person whose page this is, found live and visible to the actor already: only their
    /// organisations are joined (to leave out deleted ones and to name them), in one statement prepared once per
    /// connection on PostgreSQL, where planning the three-table join took 1.9 ms of the page (docs/benchmarks.md).
    public func of(_ person: SeenPerson, named name: String, by actor: Actor) async throws -> [PositionRecord] {
        try actor.require(.readRecords)
        let positions = PositionModel.schema, organizations = OrganizationModel.schema
        let rows = try await database.sql.select()
            .columns(["id", "title", "starts_on", "ends_on", "version"].map { SQLColumn($0, table: positions) })
            .column(SQLAlias(SQLColumn("id", table: organizations), as: SQLIdentifier("organization_id")))
            .column(SQLAlias(SQLColumn("name", table: organizations), as: SQLIdentifier("organization_name")))
            .from(positions)
            .join(organizations, on: SQLColumn("id", table: organizations), .equal, SQLColumn("organization_id", table: positions))
            .where(SQLColumn("person_id", table: positions), .equal, SQLBind(person.id))
            .where(SQLColumn("deleted_at", table: positions), .is, SQLLiteral.null)
            .where(SQLColumn("deleted_at", table: organizations), .is, SQLLiteral.null)
            .allPrepared()
        return try Self.newestFirst(rows.map { row in
            PositionRecord(
                id: try row.decode(column: "id", as: UUID.self), person: RecordRef(id: person.id, name: name),
                organization: RecordRef(id: try row.decode(column: "organization_id", as: UUID.self),
                                        name: try row.decode(column: "organization_name", as: String.self)),
                title: try row.decode(column: "title", as: String.self),
                startsOn: try row.decode(column: "starts_on", as: Day?.self)?.description,
                endsOn: try row.decode(column: "ends_on", as: Day?.self)?.description,
                version: try row.decode(column: "version", as: Int.self), deletedAt: nil)
        })
    }

    public func of(organizationID: UUID, by actor: Actor) async throws -> [PositionRecord] {
        try await records(PositionModel.query(on: database).filter(\.$organization.$id == organizationID), by: actor)
    }

    /// The title a person held on a day, from their positions in the registry.
    public func title(of personID: UUID, on day: Day, by actor: Actor) async throws -> HeldPosition? {
        let held = try await of(personID: personID, by: actor).map {
            HeldPosition(title: $0.title, organization: $0.organization.name, span: $0.span)
        }
        return PositionHistory.title(on: day, among: held)
    }

    /// The live positions of many people at once (one query), for "the title held on the day".
    /// The callers have already chosen people the reader may see.
    func held(by personIDs: [UUID]) async throws -> [UUID: [HeldPosition]] {
        var held: [UUID: [HeldPosition]] = [:]
        for (person, position) in try await Self.held(by: personIDs, liveOrganizationsOnly: false, sql: database.sql) {
            held[person, default: []].append(position)
        }
        return held
    }

    /// Every live position of these people, with its organisation's name and its span, in one joined query:
    /// what both the people list's current roles and "the title held on the day" are made from.
    /// - Parameter liveOrganizationsOnly: leave out the positions at deleted organisations.
    static func held(by personIDs: [UUID], liveOrganizationsOnly: Bool,
                     sql: any SQLDatabase) async throws -> [(person: UUID, position: HeldPosition)] {
        guard !personIDs.isEmpty else { return [] }
        let positions = PositionModel.schema, organizations = OrganizationModel.schema
        let select = sql.select()
            .column(SQLColumn("person_id", table: positions)).column(SQLColumn("title", table: positions))
            .column(SQLColumn("starts_on", table: positions)).column(SQLColumn("ends_on", table: positions))
            .column(SQLAlias(SQLColumn("name", table: organizations), as: SQLIdentifier("organization")))
            .from(positions)
            .join(organizations, on: SQLColumn("id", table: organizations), .equal,
                  SQLColumn("organization_id", table: positions))
            .where(SQLAnyOf(SQLColumn("person_id", table: positions), personIDs))
            .where(SQLColumn("deleted_at", table: positions), .is, SQLLiteral.null)
        if liveOrganizationsOnly { select.where(SQLColumn("deleted_at", table: organizations), .is, SQLLiteral.null) }
        return try await select.allPrepared().map { row in
            let span = DaySpan(from: try row.decode(column: "starts_on", as: String?.self).flatMap(Day.init),
                               to: try row.decode(column: "ends_on", as: String?.self).flatMap(Day.init))
            let title = try row.decode(column: "title", as: String.self)
            let organization = try row.decode(column: "organization", as: String.self)
            let position = HeldPosition(title: title, organization: organization, span: span)
            return (try row.decode(column: "person_id", as: UUID.self), position)
        }
    }

    public struct ListQuery: Sendable {
        public var personID: UUID?
        public var organizationID: UUID?
        public var page = 1
        public var perPage = 50
        public init() {}
    }

    public func list(_ query: ListQuery, by actor: Actor) async throws -> ListPage<PositionRecord> {
        var builder = PositionModel.query(on: database)
        if let id = query.personID { builder = builder.filter(\.$person.$id == id) }
        if let id = query.organizationID { builder = builder.filter(\.$organization.$id == id) }
        try actor.require(.readRecords)
        builder = visible(builder, to: actor)
        let found = try await fetchPage(builder.sort(\.$createdAt, .descending).sort(\.$id, .descending), page: query.page, perPage: min(query.perPage, 200))
        return try found.map(Self.record)
    }

    /// Live positions whose person and organisation the actor may see, with only what a `PositionRecord`
    /// shows of the three: the whole person and organisation were 48 columns to name and decode for each
    /// position on a person's page, where the record keeps their names.
    func visible(_ builder: QueryBuilder<PositionModel>, to actor: Actor) -> QueryBuilder<PositionModel> {
        var builder = builder.filter(\.$deletedAt == nil)
            .field(\.$id).field(\.$title).field(\.$startsOn).field(\.$endsOn).field(\.$version).field(\.$deletedAt)
            .field(PersonModel.self, \.$id).field(PersonModel.self, \.$name)
            .field(OrganizationModel.self, \.$id).field(OrganizationModel.self, \.$name)
            .join(PersonModel.self, on: \PositionModel.$person.$id == \PersonModel.$id)
            .join(OrganizationModel.self, on: \PositionModel.$organization.$id == \OrganizationModel.$id)
            .filter(PersonModel.self, \.$deletedAt == nil)
            .filter(OrganizationModel.self, \.$deletedAt == nil)
        if !actor.canSee(.restricted) { builder = builder.filter(PersonModel.self, \.$sensitivity == Sensitivity.normal) }
        return builder
    }

    func records(_ builder: QueryBuilder<PositionModel>, by actor: Actor) async throws -> [PositionRecord] {
        try actor.require(.readRecords)
        let models = try await visible(builder, to: actor).all()
        return Self.newestFirst(try models.map(Self.record))
    }

    /// Current positions first, then by start, latest first.
    static func newestFirst(_ positions: [PositionRecord]) -> [PositionRecord] {
        positions.sorted { ($0.endsOn == nil ? 1 : 0, $0.startsOn ?? "", $0.title) > ($1.endsOn == nil ? 1 : 0, $1.startsOn ?? "", $1.title) }
    }

    /// A position fetched with its person and organisation joined.
    static func record(_ model: PositionModel) throws -> PositionRecord {
        let person = try model.joined(PersonModel.self)
        let organization = try model.joined(OrganizationModel.self)
        return PositionRecord(
            id: model.id!, person: RecordRef(id: person.id!, name: person.name),
            organization: RecordRef(id: organization.id!, name: organization.name), title: model.title,
            startsOn: model.startsOn?.description, endsOn: model.endsOn?.description, version: model.version, deletedAt: model.deletedAt
        )
    }
}
