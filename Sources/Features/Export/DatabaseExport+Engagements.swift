import Domain
import FluentKit
import Foundation
import Storage

extension DatabaseExport {
    /// An engagement as exported: what its page shows, with identities to link it up again.
    struct ExportedEngagement: Encodable {
        struct Participant: Encodable { var person: RecordRef; var part: ParticipantPart; var title: String? }
        struct FollowUp: Encodable { var id: UUID; var text: String; var ownerUserID: UUID?; var dueOn: Day?; var status: FollowUpStatus }
        var id: UUID
        var kind: String
        var title: String
        var start: String
        var timeZone: String
        var startsAt: Date
        var durationMinutes: Int?
        var place: RecordRef?
        var venue: String?
        var visit: RecordRef?
        var confidentiality: Confidentiality
        var topics: [String]
        var aggregateOnly: Bool
        var notes: String?
        var outcomes: String?
        var decisions: String?
        var hosts: [RecordRef]
        var partners: [RecordRef]
        var participants: [Participant]
        var headCounts: [HeadCount]
        var followUps: [FollowUp]
        var createdAt: Date
        var updatedAt: Date
        var version: Int
    }

    func engagements(by actor: Actor, into out: JSONArrayFile) async throws {
        let places = try await placeRefs()
        let visits = Dictionary(try await FieldVisitModel.query(on: database).all().map { ($0.id!, RecordRef(id: $0.id!, name: $0.title)) },
                                uniquingKeysWith: { first, _ in first })
        let organizations = Dictionary(try await OrganizationModel.query(on: database).filter(\.$deletedAt == nil).all().map { ($0.id!, $0.name) },
                                       uniquingKeysWith: { first, _ in first })
        let export = RecordExport(database: database, language: language)
        var offset = 0
        while true {
            var query = EngagementModel.query(on: database).filter(\.$deletedAt == .null)
            if !actor.canSee(.restricted) { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
            let models = try await query.sort(\.$startsAt).sort(\.$id).range(offset..<(offset + Self.page)).all()
            let ids = models.compactMap(\.id)
            var participants: [UUID: [ExportedEngagement.Participant]] = [:], hosts: [UUID: [RecordRef]] = [:], partners: [UUID: [RecordRef]] = [:]
            var counts: [UUID: [HeadCount]] = [:], followUps: [UUID: [ExportedEngagement.FollowUp]] = [:]
            if !ids.isEmpty {
                let parts = try await ParticipationModel.query(on: database).filter(\.$engagementID ~~ ids).all()
                // Restricted people are left out of the participants of the engagements the reader does see.
                let people = try await export.visiblePeople(Array(Set(parts.map(\.personID))), by: actor)
                for part in parts {
                    guard let name = people[part.personID] else { continue }
                    participants[part.engagementID, default: []].append(.init(person: RecordRef(id: part.personID, name: name), part: part.part, title: part.title))
                }
                for link in try await EngagementOrganizationModel.query(on: database).filter(\.$engagementID ~~ ids).all() {
                    guard let name = organizations[link.organizationID] else { continue }
                    let ref = RecordRef(id: link.organizationID, name: name)
                    if link.role == .host { hosts[link.engagementID, default: []].append(ref) } else { partners[link.engagementID, default: []].append(ref) }
                }
                for row in try await HeadCountModel.query(on: database).filter(\.$engagementID ~~ ids).sort(\.$position).all() {
                    counts[row.engagementID, default: []].append(HeadCount(category: row.category, count: row.count, atLeast: row.atLeast,
                                                                           byGender: Engagements.decodeCounts(row.byGenderJSON),
                                                                           byAge: Engagements.decodeCounts(row.byAgeJSON),
                                                                           byCommunity: Engagements.decodeCounts(row.byCommunityJSON)))
                }
                for row in try await FollowUpModel.query(on: database).filter(\.$engagementID ~~ ids).sort(\.$createdAt).all() {
                    followUps[row.engagementID, default: []].append(.init(id: row.id!, text: row.text, ownerUserID: row.ownerID, dueOn: row.dueOn, status: row.status))
                }
            }
            for model in models {
                let id = model.id!
                try out.append(ExportedEngagement(
                    id: id, kind: model.kind, title: model.title, start: model.localStart, timeZone: model.timeZone, startsAt: model.startsAt,
                    durationMinutes: model.durationMinutes, place: model.placeID.flatMap { places[$0] }, venue: model.venue,
                    visit: model.visitID.flatMap { visits[$0] }, confidentiality: model.confidentiality, topics: JSONList.decode(model.topicsJSON),
                    aggregateOnly: model.aggregateOnly, notes: model.summary, outcomes: model.outcomes, decisions: model.decisions,
                    hosts: hosts[id] ?? [], partners: partners[id] ?? [], participants: participants[id] ?? [], headCounts: counts[id] ?? [],
                    followUps: followUps[id] ?? [], createdAt: model.createdAt, updatedAt: model.updatedAt, version: model.version
                ))
            }
            if models.count < Self.page { return }
            offset += Self.page
        }
    }
}
