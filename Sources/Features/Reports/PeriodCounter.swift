import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Counting a period's figures: engagements and reach from the in-memory `ReachIndex`, head-counts,
/// follow-ups, agreements and recommendations with a few small queries.
struct PeriodCounter {
    let sql: any SQLDatabase
    let database: any Database
    let seesRestricted: Bool
    /// The engagement's place must be one of these (a place and every place within it); nil for everywhere.
    let places: [UUID]?
    let municipalityOf: [UUID: String]
    let communities: [UUID: (name: String, nonMajority: Bool)]
    let today: Day
    let index: ReachIndex

    func figures(_ period: ReportPeriod, by actor: Actor) async throws -> PeriodFigures {
        var figures = PeriodFigures(period: period)
        let filter = engagementFilter(period)

        // Engagements and the people and organisations reached, counted in memory (see `ReachIndex`).
        let reach = try await index.reach(period, places: places.map(Set.init), seesRestricted: seesRestricted, database: database)
        figures.engagements = reach.engagements
        figures.byKind = reach.byKind
        figures.byMonth = reach.byMonth
        for (place, n) in reach.byPlace { figures.byMunicipality[place.flatMap { municipalityOf[$0] } ?? "", default: 0] += n }
        figures.namedPeople = reach.namedPeople
        for (id, n) in reach.namedByCommunity {
            guard let id, let community = communities[id] else {
                figures.communities.named["", default: 0] += n
                continue
            }
            figures.communities.named[community.name, default: 0] += n
            figures.communities.knownNamed += n
            if community.nonMajority { figures.communities.nonMajorityNamed += n }
        }
        figures.peopleByLevel = reach.peopleByLevel
        figures.organizationsByLevel = reach.organizationsByLevel

        figures.byGender.named = reach.namedByGender
        // The registry records no age: every named person is of an age not recorded.
        if reach.namedPeople > 0 { figures.byAge.named = [AgeBand.notRecorded.rawValue: reach.namedPeople] }

        // Head-counts and their breakdowns: one query, the JSON read here (the same on SQLite and PostgreSQL).
        let notRecorded = HeadCountGender.notRecorded.rawValue
        for row in try await sql.raw("""
            SELECT h.count AS n, h.at_least AS at_least, h.by_gender AS by_gender, h.by_age AS by_age, h.by_community AS by_community
            FROM head_counts h JOIN engagements e ON e.id = h.engagement_id WHERE \(filter)
            """).all() {
            let count = try row.decode(column: "n", as: Int.self)
            figures.counted += count
            if try row.decode(column: "at_least", as: Bool.self) { figures.countedAtLeast = true }
            Breakdown.add(try Self.counts(row, "by_gender"), of: count, into: &figures.byGender.counted, rest: notRecorded)
            Breakdown.add(try Self.counts(row, "by_age"), of: count, into: &figures.byAge.counted, rest: AgeBand.notRecorded.rawValue)
            var byName: [String: Int] = [:]
            for (key, n) in try Self.counts(row, "by_community") {
                let known = community(key)
                byName[known?.name ?? (UUID(uuidString: key) == nil ? key : ""), default: 0] += n
                guard let known else { continue }
                figures.communities.knownCounted += n
                if known.nonMajority { figures.communities.nonMajorityCounted += n }
            }
            Breakdown.add(byName, of: count, into: &figures.communities.counted, rest: "")
        }

        for row in try await sql.raw("""
            SELECT f.status AS status, CASE WHEN f.due_on IS NOT NULL AND f.due_on < \(bind: today.description) THEN 1 ELSE 0 END AS late, COUNT(*) AS n
            FROM follow_ups f JOIN engagements e ON e.id = f.engagement_id WHERE \(filter)
            GROUP BY 1, 2
            """).all() {
            let n = try row.decode(column: "n", as: Int.self)
            figures.followUps.total += n
            switch FollowUpStatus(rawValue: try row.decode(column: "status", as: String.self)) {
            case .done?: figures.followUps.done += n
            case .dropped?: figures.followUps.dropped += n
            case .open?, nil:
                figures.followUps.open += n
                if try row.decode(column: "late", as: Int.self) == 1 { figures.followUps.overdue += n }
            }
        }

        figures.agreementsSigned = try await signedAgreements(period, by: actor)
        figures.recommendationsByStatus = try await recommendations(at: period.to)
        return figures
    }

    /// The period's live engagements the reader may see, in the chosen places. The UTC bounds let the
    /// index on `starts_at` find them; the local day (where it happened) decides.
    func engagementFilter(_ period: ReportPeriod) -> SQLQueryString {
        let low = period.from.utcStart.addingTimeInterval(-86_400), high = period.to.adding(days: 1).utcStart.addingTimeInterval(86_400)
        var filter: SQLQueryString = """
            e.deleted_at IS NULL AND e.starts_at >= \(bind: low) AND e.starts_at < \(bind: high)
            AND e.local_start >= \(bind: period.from.description) AND e.local_start < \(bind: period.to.adding(days: 1).description)
            """
        if !seesRestricted { filter = "\(filter) AND e.confidentiality <> \(bind: Confidentiality.restricted)" }
        if let places { filter = "\(filter) AND e.place_id IN (\(binds: places.isEmpty ? [UUID()] : places))" }
        return filter
    }

    /// A head-count breakdown names a community by identity; one saved before identities (a name the
    /// registry did not know then) is matched by folded name. A deleted community counts as not recorded.
    func community(_ key: String) -> (name: String, nonMajority: Bool)? {
        if let id = UUID(uuidString: key) { return communities[id] }
        let folded = NameFolding.fold(key)
        return communities.values.first { NameFolding.fold($0.name) == folded }
    }

    static func counts(_ row: any SQLRow, _ column: String) throws -> [String: Int] {
        Engagements.decodeCounts(try row.decode(column: column, as: String.self))
    }

    func signedAgreements(_ period: ReportPeriod, by actor: Actor) async throws -> [AgreementSummary] {
        var query = AgreementModel.query(on: database).filter(\.$deletedAt == .null)
            .filter(\.$signedOn >= period.from).filter(\.$signedOn <= period.to).sort(\.$signedOn)
        if !seesRestricted { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
        return try await query.all().map { model in
            AgreementSummary(id: model.id!, kind: model.kind, title: model.title, status: model.status, signedOn: model.signedOn,
                             validUntil: model.validUntil, confidentiality: model.confidentiality, isDeleted: false)
        }
    }

    /// Each recommendation's status on the last day: its latest step on or before it.
    func recommendations(at day: Day) async throws -> [String: Int] {
        var live = RecommendationModel.query(on: database).filter(\.$deletedAt == .null)
        if !seesRestricted { live = live.filter(\.$confidentiality != Confidentiality.restricted) }
        let ids = Set(try await live.all().compactMap(\.id))
        guard !ids.isEmpty else { return [:] }
        let steps = try await RecommendationStatusChangeModel.query(on: database).filter(\.$effectiveOn <= day).all()
        var latest: [UUID: (day: Day, recorded: Date, status: RecommendationStatus)] = [:]
        for step in steps where ids.contains(step.recommendationID) {
            if let current = latest[step.recommendationID], (current.day, current.recorded) >= (step.effectiveOn, step.recordedAt) { continue }
            latest[step.recommendationID] = (step.effectiveOn, step.recordedAt, step.status)
        }
        var byStatus: [String: Int] = [:]
        for entry in latest.values { byStatus[entry.status.rawValue, default: 0] += 1 }
        return byStatus
    }
}
