import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Counting the periods of a report side by side: engagements and reach from the in-memory `ReachIndex`,
/// head-counts, follow-ups, agreements and recommendations with four small queries that each read every
/// period at once (`PeriodCounter+Queries`). The counting and the queries run at the same time: a report
/// waits for the slowest of them, not for their sum.
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

    /// The figures of each period, in the order given.
    func figures(_ periods: [ReportPeriod]) async throws -> [PeriodFigures] {
        async let reaches = reach(periods)
        async let headCounts = headCounts(periods)
        async let followUps = followUps(periods)
        async let agreements = signedAgreements(periods)
        async let recommendations = recommendations(at: periods.map(\.to))

        var figures = periods.map { PeriodFigures(period: $0) }
        for (n, reach) in try await reaches.enumerated() { add(reach, to: &figures[n]) }
        for (n, rows) in try await headCounts.enumerated() { for row in rows { add(row, to: &figures[n]) } }
        for (n, follow) in try await followUps.enumerated() { figures[n].followUps = follow }
        for (n, signed) in try await agreements.enumerated() { figures[n].agreementsSigned = signed }
        for (n, byStatus) in try await recommendations.enumerated() { figures[n].recommendationsByStatus = byStatus }
        return figures
    }

    /// Each period counted at the same time as the others (see `ReachIndex.Counting`), each on a thread of
    /// `LongWork`'s rather than on the event loop serving the request.
    func reach(_ periods: [ReportPeriod]) async throws -> [ReachIndex.Reach] {
        let places = places.map(Set.init)
        return try await withThrowingTaskGroup(of: (Int, ReachIndex.Reach).self) { group in
            for (n, period) in periods.enumerated() {
                group.addTask(executorPreference: LongWork.executor) { [index, seesRestricted, database] in
                    (n, try await index.reach(period, places: places, seesRestricted: seesRestricted, database: database))
                }
            }
            var reaches = [ReachIndex.Reach](repeating: .init(), count: periods.count)
            for try await (n, reach) in group { reaches[n] = reach }
            return reaches
        }
    }

    /// Engagements and the people and organisations reached, counted in memory (see `ReachIndex`).
    func add(_ reach: ReachIndex.Reach, to figures: inout PeriodFigures) {
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
    }

    /// A head-count and its breakdowns, added to the period's counted people.
    func add(_ count: HeadCountRow, to figures: inout PeriodFigures) {
        figures.counted += count.count
        if count.atLeast { figures.countedAtLeast = true }
        Breakdown.add(count.byGender, of: count.count, into: &figures.byGender.counted, rest: HeadCountGender.notRecorded.rawValue)
        Breakdown.add(count.byAge, of: count.count, into: &figures.byAge.counted, rest: AgeBand.notRecorded.rawValue)
        var byName: [String: Int] = [:]
        for (key, n) in count.byCommunity {
            let known = community(key)
            byName[known?.name ?? (UUID(uuidString: key) == nil ? key : ""), default: 0] += n
            guard let known else { continue }
            figures.communities.knownCounted += n
            if known.nonMajority { figures.communities.nonMajorityCounted += n }
        }
        Breakdown.add(byName, of: count.count, into: &figures.communities.counted, rest: "")
    }

    /// A head-count breakdown names a community by identity; one saved before identities (a name the
    /// registry did not know then) is matched by folded name. A deleted community counts as not recorded.
    func community(_ key: String) -> (name: String, nonMajority: Bool)? {
        if let id = UUID(uuidString: key) { return communities[id] }
        let folded = NameFolding.fold(key)
        return communities.values.first { NameFolding.fold($0.name) == folded }
    }
}
