import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The figures of one period (a year holds some 50,000 engagements at the benchmark's scale, so nothing
/// here loads records one by one). What the reader may not see is not
/// counted: restricted engagements, and restricted people among the named participants, are left out
/// of every figure for a role that may not read restricted records.
public struct PeriodFigures: Sendable, Equatable, Codable {
    public struct Follow: Sendable, Equatable, Codable {
        public var total = 0, done = 0, open = 0, overdue = 0, dropped = 0
        /// Done out of those that were not dropped; nil when there were none.
        public var completion: Double? { total - dropped > 0 ? Double(done) / Double(total - dropped) : nil }
    }

    /// Reach by community: named people and head-counts apart, and the non-majority share of each.
    public struct Communities: Sendable, Equatable, Codable {
        /// Community name → named people ("" for people whose community is not recorded).
        public var named: [String: Int] = [:]
        /// Community name → people counted in head-counts (as recorded in the breakdowns).
        public var counted: [String: Int] = [:]
        public var nonMajorityNamed = 0, knownNamed = 0
        public var nonMajorityCounted = 0, knownCounted = 0

        public var nonMajorityShareNamed: Double? { knownNamed > 0 ? Double(nonMajorityNamed) / Double(knownNamed) : nil }
        public var nonMajorityShareCounted: Double? { knownCounted > 0 ? Double(nonMajorityCounted) / Double(knownCounted) : nil }
        public var nonMajorityShareTogether: Double? {
            knownNamed + knownCounted > 0 ? Double(nonMajorityNamed + nonMajorityCounted) / Double(knownNamed + knownCounted) : nil
        }
    }

    public var period: ReportPeriod
    public var engagements = 0
    /// Kind → engagements.
    public var byKind: [String: Int] = [:]
    /// `YYYY-MM` → engagements.
    public var byMonth: [String: Int] = [:]
    /// Municipality name → engagements ("" for engagements without a place in a municipality).
    public var byMunicipality: [String: Int] = [:]
    /// People named as participants, each once however often they took part.
    public var namedPeople = 0
    /// The sum of the head-counts; `countedAtLeast` when some were "more than".
    public var counted = 0
    public var countedAtLeast = false
    /// Governance level → named people (through the position each held on the day; "" for none known).
    public var peopleByLevel: [String: Int] = [:]
    /// Governance level → organisations reached (hosts and partners, and participants' organisations on the day).
    public var organizationsByLevel: [String: Int] = [:]
    public var communities = Communities()
    public var agreementsSigned: [AgreementSummary] = []
    /// Status → recommendations, as they stood at the end of the period.
    public var recommendationsByStatus: [String: Int] = [:]
    public var followUps = Follow()

    public var reached: Int { namedPeople + counted }
}

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

        for row in try await sql.raw("SELECT h.count AS n, h.at_least AS at_least, h.by_community AS by_community FROM head_counts h JOIN engagements e ON e.id = h.engagement_id WHERE \(filter)").all() {
            figures.counted += try row.decode(column: "n", as: Int.self)
            if try row.decode(column: "at_least", as: Bool.self) { figures.countedAtLeast = true }
            let breakdown = (try? JSONDecoder().decode([String: Int].self, from: Data(try row.decode(column: "by_community", as: String.self).utf8))) ?? [:]
            for (name, n) in breakdown {
                let known = communityNamed(name)
                figures.communities.counted[known?.name ?? name, default: 0] += n
                guard let known else { continue }
                figures.communities.knownCounted += n
                if known.nonMajority { figures.communities.nonMajorityCounted += n }
            }
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

    /// A head-count breakdown names communities as typed: matched to the registry's by folded name.
    func communityNamed(_ name: String) -> (name: String, nonMajority: Bool)? {
        let folded = NameFolding.fold(name)
        return communities.values.first { NameFolding.fold($0.name) == folded }
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
