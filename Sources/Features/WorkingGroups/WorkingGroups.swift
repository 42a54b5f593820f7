import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Working groups: their purpose, the agreement they come from, members with their part over time, their
/// meetings (engagements) and deliverables. A restricted group follows the restricted-record rule; a
/// restricted member is left out for roles that may not see them, and kept when such a role saves.
public struct WorkingGroups: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "working_group"

    public func list(page: Int = 1, perPage: Int = 50, includeDeleted: Bool = false, agreementID: UUID? = nil, by actor: Actor) async throws -> ListPage<WorkingGroupSummary> {
        try actor.require(.readRecords)
        var builder = visible(to: actor, includeDeleted: includeDeleted)
        if let agreementID { builder = builder.filter(\.$agreementID == agreementID) }
        let found = try await fetchPage(builder.sort(\.$name).sort(\.$id), page: page, perPage: perPage)
        let titles = try await agreementTitles(found.items.compactMap(\.agreementID), by: actor)
        return found.map { Self.summary($0, agreements: titles) }
    }

    /// The groups a person is (or was) a member of, for their page.
    public func memberships(of personID: UUID, by actor: Actor) async throws -> [WorkingGroupSummary] {
        try actor.require(.readRecords)
        // Asking about someone the actor may not see would tell which groups they sit in.
        guard try await People(database: database).isVisible(personID, to: actor) else { return [] }
        return try await memberships(of: SeenPerson(id: personID), by: actor)
    }

    /// The groups the person whose page this is sits in.
    public func memberships(of person: SeenPerson, by actor: Actor) async throws -> [WorkingGroupSummary] {
        try actor.require(.readRecords)
        let personID = person.id
        // Prepared on PostgreSQL (`PreparedSQL`): every person's page asks, and most people sit in no group.
        let ids = try await database.sql.select().column("group_id").from(WorkingGroupMemberModel.schema)
            .where(SQLColumn("person_id"), .equal, SQLBind(personID)).allPrepared()
            .map { try $0.decode(column: "group_id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        let models = try await visible(to: actor, includeDeleted: false).filter(\.$id ~~ ids).sort(\.$name).all()
        let titles = try await agreementTitles(models.compactMap(\.agreementID), by: actor)
        return models.map { Self.summary($0, agreements: titles) }
    }

    /// Groups for a menu (an engagement that was one of their meetings).
    public func choices(by actor: Actor) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        return try await visible(to: actor, includeDeleted: false).sort(\.$name).limit(200).all().map { RecordRef(id: $0.id!, name: $0.name) }
    }

    /// The groups an engagement was a meeting of.
    public func meetingOf(_ engagementID: UUID, by actor: Actor) async throws -> [RecordRef] {
        try await visible(to: actor, includeDeleted: false)
            .linked(through: WorkingGroupMeetingModel.schema, "group_id", where: "engagement_id", is: engagementID)
            .sort(\.$name).all().map { RecordRef(id: $0.id!, name: $0.name) }
    }

    /// Titles of the agreements the actor may see (a group from a restricted agreement does not name it).
    func agreementTitles(_ ids: [UUID], by actor: Actor) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let models = try await Agreements(database: database).visible(to: actor, includeDeleted: false).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(models.map { ($0.id!, $0.title) }, uniquingKeysWith: { first, _ in first })
    }

    static func summary(_ model: WorkingGroupModel, agreements: [UUID: String]) -> WorkingGroupSummary {
        WorkingGroupSummary(id: model.id!, name: model.name, agreement: model.agreementID.flatMap { id in agreements[id].map { RecordRef(id: id, name: $0) } },
                            confidentiality: model.confidentiality, isDeleted: model.deletedAt != nil)
    }

    public func record(_ model: WorkingGroupModel, by actor: Actor) async throws -> WorkingGroupRecord {
        let id = model.id!
        let rows = try await WorkingGroupMemberModel.query(on: database).filter(\.$groupID == id).all()
        var people = PersonModel.query(on: database).filter(\.$id ~~ rows.map(\.personID)).filter(\.$deletedAt == nil)
        if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal) }
        let names = Dictionary(try await people.all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let members = rows.compactMap { row in
            names[row.personID].map {
                WorkingGroupMember(person: RecordRef(id: row.personID, name: $0), part: row.part, period: DaySpan(from: row.startsOn, to: row.endsOn))
            }
        }.sorted { ($0.part == .chair ? 0 : 1, $0.person.name) < ($1.part == .chair ? 0 : 1, $1.person.name) }
        let meetingIDs = try await WorkingGroupMeetingModel.targets(of: id, on: database)
        let meetings = try await Engagements(database: database, language: language).summaries(ids: meetingIDs, by: actor)
        let deliverables = try await DeliverableModel.query(on: database).filter(\.$groupID == id).sort(\.$createdAt).all().map(Self.deliverable)
        let titles = try await agreementTitles(model.agreementID.map { [$0] } ?? [], by: actor)
        return WorkingGroupRecord(summary: Self.summary(model, agreements: titles), purpose: model.purpose, members: members,
                                  meetings: meetings, deliverables: deliverables, version: model.version)
    }

    /// The group a deliverable belongs to (to go back to its page).
    public func deliverableGroup(_ id: UUID) async throws -> UUID? {
        try await DeliverableModel.find(id, on: database)?.groupID
    }

    static func deliverable(_ model: DeliverableModel) -> Deliverable {
        Deliverable(id: model.id!, title: model.title, kind: model.kind, dueOn: model.dueOn, status: model.status, version: model.version)
    }
}
