import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// What the index does not hold, read for every period of a report at once: one statement each for
/// head-counts, follow-ups, agreements and recommendations, whatever the number of periods. Each answer
/// comes back split by period, in the order the periods were given.
extension PeriodCounter {
    /// A head-count with its breakdowns, as stored.
    struct HeadCountRow {
        var count: Int
        var atLeast: Bool
        var byGender: [String: Int]
        var byAge: [String: Int]
        var byCommunity: [String: Int]
    }

    func headCounts(_ periods: [ReportPeriod]) async throws -> [[HeadCountRow]] {
        var split = [[HeadCountRow]](repeating: [], count: periods.count)
        for row in try await sql.raw("""
            SELECT \(periodColumn(periods)) AS period, h.count AS n, h.at_least AS at_least, h.by_gender AS by_gender,
                h.by_age AS by_age, h.by_community AS by_community
            FROM head_counts h JOIN engagements e ON e.id = h.engagement_id WHERE \(engagementFilter(periods))
            """).all() {
            split[try row.decode(column: "period", as: Int.self)].append(HeadCountRow(
                count: try row.decode(column: "n", as: Int.self), atLeast: try row.decode(column: "at_least", as: Bool.self),
                byGender: try Self.counts(row, "by_gender"), byAge: try Self.counts(row, "by_age"),
                byCommunity: try Self.counts(row, "by_community")))
        }
        return split
    }

    static func counts(_ row: any SQLRow, _ column: String) throws -> [String: Int] {
        Engagements.decodeCounts(try row.decode(column: column, as: String.self))
    }

    /// Follow-ups of the periods' engagements by status; open ones past their due day are overdue.
    func followUps(_ periods: [ReportPeriod]) async throws -> [PeriodFigures.Follow] {
        var split = [PeriodFigures.Follow](repeating: .init(), count: periods.count)
        for row in try await sql.raw("""
            SELECT \(periodColumn(periods)) AS period, f.status AS status,
                CASE WHEN f.due_on IS NOT NULL AND f.due_on < \(bind: today.description) THEN 1 ELSE 0 END AS late, COUNT(*) AS n
            FROM follow_ups f JOIN engagements e ON e.id = f.engagement_id WHERE \(engagementFilter(periods))
            GROUP BY 1, 2, 3
            """).all() {
            let n = try row.decode(column: "n", as: Int.self)
            let period = try row.decode(column: "period", as: Int.self)
            split[period].total += n
            switch FollowUpStatus(rawValue: try row.decode(column: "status", as: String.self)) {
            case .done?: split[period].done += n
            case .dropped?: split[period].dropped += n
            case .open?, nil:
                split[period].open += n
                if try row.decode(column: "late", as: Int.self) == 1 { split[period].overdue += n }
            }
        }
        return split
    }

    /// The live engagements the reader may see, in the chosen places, on a local day within one of the
    /// periods. The UTC bounds (a day wider on each side, for every time zone) let the index on `starts_at`
    /// find them; the local day — where it happened — decides.
    func engagementFilter(_ periods: [ReportPeriod]) -> SQLQueryString {
        let low = periods.map(\.from).min()!.utcStart.addingTimeInterval(-86_400)
        let high = periods.map(\.to).max()!.adding(days: 1).utcStart.addingTimeInterval(86_400)
        let inAny = periods.map { "(\(onLocalDay(in: $0)))" as SQLQueryString }.joined(separator: " OR ")
        var filter: SQLQueryString = "e.deleted_at IS NULL AND e.starts_at >= \(bind: low) AND e.starts_at < \(bind: high) AND (\(inAny))"
        if !seesRestricted { filter = "\(filter) AND e.confidentiality <> \(bind: Confidentiality.restricted)" }
        if let places { filter = "\(filter) AND e.place_id IN (\(binds: places.isEmpty ? [UUID()] : places))" }
        return filter
    }

    func onLocalDay(in period: ReportPeriod) -> SQLQueryString {
        "e.local_start >= \(bind: period.from.description) AND e.local_start < \(bind: period.to.adding(days: 1).description)"
    }

    /// Which period an engagement belongs to, as the period's position: the first that holds its local day.
    func periodColumn(_ periods: [ReportPeriod]) -> SQLQueryString {
        let cases = periods.enumerated().map { "WHEN \(onLocalDay(in: $0.element)) THEN \(unsafeRaw: String($0.offset))" as SQLQueryString }
        return "CASE \(cases.joined(separator: " ")) END"
    }

    /// Agreements signed within each period, in the order they were signed.
    func signedAgreements(_ periods: [ReportPeriod]) async throws -> [[AgreementSummary]] {
        var query = AgreementModel.query(on: database).filter(\.$deletedAt == .null)
            .filter(\.$signedOn >= periods.map(\.from).min()!).filter(\.$signedOn <= periods.map(\.to).max()!).sort(\.$signedOn)
        if !seesRestricted { query = query.filter(\.$confidentiality != Confidentiality.restricted) }
        let signed = try await query.all()
        return periods.map { period in
            signed.filter { model in model.signedOn.map { period.from <= $0 && $0 <= period.to } ?? false }.map { model in
                AgreementSummary(id: model.id!, kind: model.kind, title: model.title, status: model.status, signedOn: model.signedOn,
                                 validUntil: model.validUntil, confidentiality: model.confidentiality, isDeleted: false)
            }
        }
    }

    /// Each live recommendation's status on each of the days: its latest step on or before that day.
    func recommendations(at days: [Day]) async throws -> [[String: Int]] {
        var query = RecommendationStatusChangeModel.query(on: database)
            .join(RecommendationModel.self, on: \RecommendationStatusChangeModel.$recommendationID == \RecommendationModel.$id)
            .filter(RecommendationModel.self, \.$deletedAt == .null)
            .filter(\.$effectiveOn <= days.max()!)
        if !seesRestricted { query = query.filter(RecommendationModel.self, \.$confidentiality != Confidentiality.restricted) }
        let steps = try await query.all()
        return days.map { day in
            var latest: [UUID: (day: Day, recorded: Date, status: RecommendationStatus)] = [:]
            for step in steps where step.effectiveOn <= day {
                if let current = latest[step.recommendationID], (current.day, current.recorded) >= (step.effectiveOn, step.recordedAt) { continue }
                latest[step.recommendationID] = (step.effectiveOn, step.recordedAt, step.status)
            }
            var byStatus: [String: Int] = [:]
            for entry in latest.values { byStatus[entry.status.rawValue, default: 0] += 1 }
            return byStatus
        }
    }
}
