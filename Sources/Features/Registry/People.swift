import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The people in the record: finding, reading, adding, changing, deleting and restoring them.
/// Restricted people are invisible to roles that may not read them, on every one of these paths.
public struct People: Sendable {
    public let database: any Database
    /// The reader's language, for place names.
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "person"

    // MARK: Reading

    public struct Query: Sendable, Equatable {
        public var text: String?
        public var communityID: UUID?
        public var placeID: UUID?
        public var sensitivity: Sensitivity?
        public var includeDeleted = false
        public var sort: SortOrder = .name
        public var page = 1
        public var perPage = 50

        public init() {}
    }

    /// - Parameter access: the reader's `FieldAccess`, when the caller has it already (the page asks for it
    ///   to leave out the filters it may not offer).
    public func list(_ query: Query, by actor: Actor, today: Day, access known: FieldAccess? = nil) async throws -> ListPage<PersonRow> {
        try actor.require(.readRecords)
        let access: FieldAccess
        if let known { access = known } else { access = try await FieldAccess.of(actor, on: database) }
        try access.requireFilters(community: query.communityID, place: query.placeID)
        let sql = database.sql
        let page = try await PeopleListQuery(sql: sql, query: query, actor: actor).page()
        let ids = page.items.map(\.id)
        // What each row shows beside the name, read at the same time (each a round trip on PostgreSQL).
        async let rolesRead = PeopleListQuery.currentRoles(of: ids, today: today, sql: sql)
        async let communitiesRead = PeopleListQuery.names(of: CommunityModel.schema, ids: Array(Set(page.items.compactMap(\.communityID))), sql: sql)
        async let placesRead = Places(database: database, language: language).names(of: page.items.compactMap(\.placeID))
        async let lastContactRead = Engagements(database: database, language: language).lastContact(with: ids, today: today, by: actor)
        let (roles, communities, places, lastContact) = try await (rolesRead, communitiesRead, placesRead, lastContactRead)
        return page.map { row in
            access.apply(to: PersonRow(id: row.id, name: row.name, honorific: row.honorific, community: row.communityID.flatMap { communities[$0] },
                      place: row.placeID.flatMap { places[$0] }, sensitivity: row.sensitivity,
                      lastContact: lastContact[row.id], currentRoles: roles[row.id] ?? [], deleted: row.isDeleted))
        }
    }

    public func page(_ id: UUID, by actor: Actor) async throws -> PersonPageData {
        try await page(id, by: actor, alongside: { _ in () }).page
    }

    /// The person's page, and what else the caller shows of a person who may be seen and is not deleted
    /// (`related`, nil for a deleted one), all read at the same time once the person is found: on PostgreSQL
    /// each read is a round trip and a plan, so one after the other they were most of the page's time.
    public func page<Related: Sendable>(_ id: UUID, by actor: Actor,
                                        alongside related: @escaping @Sendable (SeenPerson) async throws -> Related) async throws -> (page: PersonPageData, related: Related?) {
        let person = try await find(id, by: actor)
        let seen = person.deletedAt == nil ? SeenPerson(id: id) : nil
        async let relatedRead = seen.asyncMap(related)
        // A deleted person's page (for those who may restore them) lists no positions, as before.
        async let positions = seen.asyncMap { try await Positions(database: database).of($0, named: person.name, by: actor) } ?? []
        async let events = ConsentEventModel.selectColumns(on: database)
            .where(SQLColumn("person_id"), .equal, SQLBind(id)).orderBy(SQLColumn("recorded_at"), SQLDirection.descending)
            .allPrepared(decoding: ConsentEventModel.self)
        async let record = record(person, by: actor)
        let history = try await events.map {
            ConsentEvent(subject: $0.subject, value: $0.value, obtainedOn: $0.obtainedOn?.description, method: $0.method, recordedAt: $0.recordedAt, recordedBy: $0.recordedBy)
        }
        let page = PersonPageData(person: try await record, positions: try await positions, consentHistory: history, seen: seen)
        return (page, try await relatedRead)
    }

    /// The names of those of these people the actor may see (live, and restricted only for those who may),
    /// in one query.
    public func visibleNames(_ ids: [UUID], by actor: Actor) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let found = try await visible(to: actor).filter(\.$id ~~ Array(Set(ids))).filter(\.$deletedAt == .null).all()
        return Dictionary(found.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Whether the actor may see this person at all (a live record, restricted only for those who may).
    func isVisible(_ id: UUID, to actor: Actor) async throws -> Bool {
        guard let person = try await PersonModel.find(id, on: database), person.deletedAt == nil else { return false }
        return actor.canSee(person.sensitivity)
    }

    func visible(to actor: Actor) -> QueryBuilder<PersonModel> {
        var builder = PersonModel.query(on: database)
        if !actor.canSee(.restricted) { builder = builder.filter(\.$sensitivity == Sensitivity.normal) }
        return builder
    }

    public func record(_ person: PersonModel, by actor: Actor) async throws -> PersonRecord {
        // The community's name and the place's, read at the same time (each a round trip on PostgreSQL).
        let communityID = person.$community.id, placeID = person.$place.id
        async let community = communityID.asyncMap { try await communityName($0) } ?? nil
        async let place = placeID.asyncMap { try await Places(database: database, language: language).ref($0) } ?? nil
        async let access = FieldAccess.of(actor, on: database)
        return try await access.apply(to: person.record(community: community, place: place))
    }

    /// A community as a person's record names it: its name, not the whole community.
    private func communityName(_ id: UUID) async throws -> RecordRef? {
        // The people list's read of community names (prepared on PostgreSQL): one statement text for both.
        try await PeopleListQuery.names(of: CommunityModel.schema, ids: [id], sql: database.sql)[id].map { RecordRef(id: id, name: $0) }
    }

    public func readable(_ history: [AuditLog.Entry], by actor: Actor) async throws -> [AuditLog.Entry] {
        try await FieldAccess.of(actor, on: database).apply(toHistory: history)
    }
}
