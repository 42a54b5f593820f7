import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// One engagement as its page shows it: hosts, partners, participants with the title held that day,
/// head-counts, follow-ups, quotes and photos.
extension Engagements {
    public func record(_ model: EngagementModel, by actor: Actor) async throws -> EngagementRecord {
        let id = model.id!
        // Each part is its own read and none waits for another: on PostgreSQL each is a round trip and a plan,
        // so they are read at the same time (in a transaction they queue on its one connection, as before).
        async let summaryRead = summary(model)
        async let organizationsRead = EngagementOrganizationModel.query(on: database).filter(\.$engagementID == id).all()
        async let countsRead = HeadCountModel.query(on: database).filter(\.$engagementID == id).sort(\.$position).all()
        async let followUpsRead = FollowUps(database: database).of(engagementID: id, title: model.title)
        async let quotesRead = Quotes(database: database).of(engagementID: id, by: actor)
        async let photosRead = PhotoCatalog(database: database).of(engagementID: id, by: actor)
        async let participantsRead = participantRecords(of: id, on: LocalStart(model.localStart)?.day, by: actor)
        let organizations = try await organizationsRead
        let orgNames = try await PeopleListQuery.names(of: OrganizationModel.schema, ids: organizations.map(\.organizationID), sql: sql)
        func refs(_ role: EngagementOrganizationRole) -> [RecordRef] {
            organizations.filter { $0.role == role }.compactMap { org in orgNames[org.organizationID].map { RecordRef(id: org.organizationID, name: $0) } }
                .sorted { $0.name < $1.name }
        }
        let counts = try await countsRead.map { row in
            HeadCount(category: row.category, count: row.count, atLeast: row.atLeast,
                      byGender: Self.decodeCounts(row.byGenderJSON), byAge: Self.decodeCounts(row.byAgeJSON),
                      byCommunity: Self.decodeCounts(row.byCommunityJSON))
        }
        let (summary, participants, followUps, quotes, photos) = try await (summaryRead, participantsRead, followUpsRead, quotesRead, photosRead)
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
