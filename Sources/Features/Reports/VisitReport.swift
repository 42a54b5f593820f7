import Domain
import FluentKit
import Foundation
import Storage

/// A field visit drafted as a report: its summary, the engagements in the order they happened (each with
/// participants and the title held that day, head-counts, outcomes, decisions, quotes and photos), the
/// agreements signed or discussed and the working groups they started, follow-ups, and the context of the
/// period. Everything is read through the same use cases as the pages, so the reader's role decides what
/// is in it: a restricted engagement, person, quote or photo is simply not there.
public struct VisitReport: Sendable, Equatable {
    public var visit: FieldVisitRecord
    public var engagements: [EngagementRecord]
    public var agreements: [AgreementSummary]
    public var workingGroups: [WorkingGroupSummary]
    public var context: [ContextEventSummary]
    /// The author's own sections, around what the record says.
    public var narrative: VisitReportNarrative

    /// The delegation's names: colleagues and registry people, each once (a colleague is often in the registry too).
    public var delegation: [String] {
        var seen = Set<String>()
        return (visit.users.map(\.name) + visit.people.map(\.name)).filter { seen.insert(NameFolding.fold($0)).inserted }
    }

    /// Every follow-up of the visit's engagements, open ones first, by due day.
    public var followUps: [FollowUpRecord] {
        engagements.flatMap(\.followUps).sorted {
            ($0.status == .open ? 0 : 1, $0.dueOn?.description ?? "9999") < ($1.status == .open ? 0 : 1, $1.dueOn?.description ?? "9999")
        }
    }

    public static func draft(visit id: UUID, database: any Database, language: String, by actor: Actor) async throws -> VisitReport {
        let visit = try await FieldVisits(database: database, language: language).get(id, by: actor)
        guard !visit.summary.isDeleted else { throw DomainError.notFound("field_visit") }
        var query = Engagements.Query()
        query.visitID = id
        query.chronological = true
        query.perPage = 200
        let engagements = Engagements(database: database, language: language)
        var records: [EngagementRecord] = []
        for summary in try await engagements.list(query, by: actor).items { records.append(try await engagements.get(summary.id, by: actor)) }
        let agreementsFeature = Agreements(database: database, language: language)
        var agreementIDs: [UUID] = []
        for record in records {
            for linked in try await agreementsFeature.linked(toEngagement: record.id, by: actor) where !agreementIDs.contains(linked.agreement.id) {
                agreementIDs.append(linked.agreement.id)
            }
        }
        var agreements: [AgreementSummary] = []
        var groups: [WorkingGroupSummary] = []
        for agreementID in agreementIDs {
            agreements.append(try await agreementsFeature.get(agreementID, by: actor).summary)
            groups += try await WorkingGroups(database: database, language: language).list(perPage: 200, agreementID: agreementID, by: actor).items
        }
        let context = try await ContextEvents(database: database, language: language)
            .during(from: visit.summary.startsOn, to: visit.summary.endsOn, limit: 100, by: actor)
        let narrative = try await VisitReportNarratives(database: database).get(visit: id, by: actor)
        return VisitReport(visit: visit, engagements: records, agreements: agreements, workingGroups: groups, context: context, narrative: narrative)
    }
}
