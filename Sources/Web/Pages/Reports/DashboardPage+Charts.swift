import Domain
import Features
import Markup

extension DashboardPage {
    /// The charts' data: each figure of this period beside the previous period's.
    static func charts(_ report: PeriodReport, text: Localizer) -> [ChartData] {
        let now = report.current, before = report.previous
        // The legend is short: the period's full days are in the page's subtitle.
        let series = [PeriodReportTable.shortSpan(now.period, text: text), PeriodReportTable.shortSpan(before.period, text: text)]
        func chart(_ key: String, heading: String, rows: [ChartData.Row]) -> ChartData {
            ChartData(title: text("chart.\(key)"), description: text("chart.\(key).desc"), categoryHeading: heading,
                      seriesNames: series, rows: rows)
        }
        func rows(_ a: [String: Int], _ b: [String: Int], limit: Int = 15,
                  label: (String) -> String) -> [ChartData.Row] {
            // Largest first, this period before the previous; names in order among equals.
            Set(a.keys).union(b.keys).sorted { (a[$0] ?? 0, b[$0] ?? 0, $1) > (a[$1] ?? 0, b[$1] ?? 0, $0) }
                .prefix(limit)
                .map { ChartData.Row(label: label($0), values: [a[$0] ?? 0, b[$0] ?? 0]) }
        }
        let previousMonths = before.period.months
        let months = now.period.months.enumerated().map { index, month in
            ChartData.Row(label: text.month(iso: month),
                          values: [now.byMonth[month] ?? 0,
                                   index < previousMonths.count ? before.byMonth[previousMonths[index]] ?? 0 : 0])
        }
        let levels = (GovernanceLevel.allCases.map(\.rawValue) + [""]).compactMap { level -> ChartData.Row? in
            let values = [now.peopleByLevel[level] ?? 0, before.peopleByLevel[level] ?? 0]
            if level.isEmpty && values == [0, 0] { return nil }
            return ChartData.Row(label: level.isEmpty ? text("period.noOrganization") : text("level.\(level)"),
                                 values: values)
        }
        func together(_ c: PeriodFigures.Communities) -> [String: Int] {
            c.named.merging(c.counted, uniquingKeysWith: +)
        }
        // Gender and age band in their fixed order, named and counted people together (as "people reached").
        func fixed(_ keys: [String], catalogue: String, _ figure: KeyPath<PeriodFigures, PeriodFigures.Disaggregated>) -> [ChartData.Row] {
            keys.map { key in
                ChartData.Row(label: text("\(catalogue).\(key)"), values: [now, before].map {
                    ($0[keyPath: figure].named[key] ?? 0) + ($0[keyPath: figure].counted[key] ?? 0)
                })
            }
        }
        let follow = [("followUpStatus.done", \PeriodFigures.Follow.done), ("followUpStatus.open", \.open),
                      ("period.overdue", \.overdue), ("followUpStatus.dropped", \.dropped)]
        return [
            chart("byMonth", heading: text("chart.month"), rows: months),
            chart("byLevel", heading: text("chart.level"), rows: levels),
            chart("byCommunity", heading: text("chart.community"),
                  rows: rows(together(now.communities), together(before.communities)) {
                      $0.isEmpty ? text("period.communityUnknown") : $0
                  }),
            chart("byGender", heading: text("chart.gender"),
                  rows: fixed(HeadCountGender.allCases.map(\.rawValue), catalogue: "headCountGender", \.byGender)),
            chart("byAge", heading: text("chart.ageBand"),
                  rows: fixed(AgeBand.allCases.map(\.rawValue), catalogue: "ageBand", \.byAge)),
            chart("byMunicipality", heading: text("chart.municipality"),
                  rows: rows(now.byMunicipality, before.byMunicipality) {
                      $0.isEmpty ? text("period.noMunicipality") : $0
                  }),
            chart("followUps", heading: text("chart.status"), rows: follow.map { key, figure in
                ChartData.Row(label: text(key), values: [now.followUps[keyPath: figure], before.followUps[keyPath: figure]])
            }),
            chart("recommendations", heading: text("chart.status"), rows: RecommendationStatus.allCases.map { status in
                ChartData.Row(label: text("recommendationStatus.\(status.rawValue)"),
                              values: [now.recommendationsByStatus[status.rawValue] ?? 0,
                                       before.recommendationsByStatus[status.rawValue] ?? 0])
            }),
        ]
    }
}
