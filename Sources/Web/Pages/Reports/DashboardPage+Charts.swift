import Domain
import Features
import Markup

extension DashboardPage {
    /// One period's dashboard figures as they may be published: people reached and engagements, and the
    /// charts' breakdowns with the totals they add up to (community, gender and age band — named and
    /// counted together — to the people reached; municipalities and months to the engagements). People by
    /// level do not add up (a person may hold posts at two levels): small ones are hidden, with no complement.
    static func cells(_ figures: PeriodFigures, _ rule: SmallNumbers) -> [String: SmallNumbers.Cell] {
        var values = ["reached": figures.reached, "engagements": figures.engagements]
        var lines: [SmallNumbers.Line<String>] = []
        func breakdown(_ counts: [String: Int], _ keys: [String], prefix: String, total: String) {
            let all = Set(keys).union(counts.keys).sorted()
            for key in all { values[prefix + key] = counts[key] ?? 0 }
            lines.append(SmallNumbers.Line(parts: all.map { prefix + $0 }, total: total))
        }
        breakdown(figures.communities.named.merging(figures.communities.counted, uniquingKeysWith: +), [], prefix: "community/", total: "reached")
        breakdown(figures.byGender.named.merging(figures.byGender.counted, uniquingKeysWith: +), HeadCountGender.allCases.map(\.rawValue),
                  prefix: "gender/", total: "reached")
        breakdown(figures.byAge.named.merging(figures.byAge.counted, uniquingKeysWith: +), AgeBand.allCases.map(\.rawValue), prefix: "age/", total: "reached")
        breakdown(figures.byMunicipality, [], prefix: "municipality/", total: "engagements")
        breakdown(figures.byMonth, figures.period.months, prefix: "month/", total: "engagements")
        for (level, n) in figures.peopleByLevel { values["level/" + level] = n }
        return rule.cells(values, lines: lines)
    }

    /// The charts' data: each figure of this period beside the previous period's. For publication, a bar
    /// whose figure is suppressed in either period is left out, and its label listed in `notShown`.
    static func charts(_ report: PeriodReport, text: Localizer) -> [ChartData] {
        charts(report, publication: nil, text: text).charts
    }

    static func charts(_ report: PeriodReport, publication: SmallNumbers?, text: Localizer) -> (charts: [ChartData], notShown: [String]) {
        let now = report.current, before = report.previous
        let published = publication.map { (cells(now, $0), cells(report.previous, $0)) }
        var notShown: [String] = []
        /// Whether the chart's row for `key` (and the previous period's `earlier`) may be drawn.
        func drawn(_ key: String, earlier: String? = nil, label: String) -> Bool {
            guard let published else { return true }
            let hidden = published.0[key]?.isHidden == true || published.1[earlier ?? key]?.isHidden == true
            if hidden && !notShown.contains(label) { notShown.append(label) }
            return !hidden
        }
        // The legend is short: the period's full days are in the page's subtitle.
        let series = [PeriodReportTable.shortSpan(now.period, text: text), PeriodReportTable.shortSpan(before.period, text: text)]
        func chart(_ key: String, heading: String, rows: [ChartData.Row]) -> ChartData {
            ChartData(title: text("chart.\(key)"), description: text("chart.\(key).desc"), categoryHeading: heading,
                      seriesNames: series, rows: rows)
        }
        func rows(_ a: [String: Int], _ b: [String: Int], limit: Int = 15, prefix: String,
                  label: (String) -> String) -> [ChartData.Row] {
            // Largest first, this period before the previous; names in order among equals.
            Set(a.keys).union(b.keys).sorted { (a[$0] ?? 0, b[$0] ?? 0, $1) > (a[$1] ?? 0, b[$1] ?? 0, $0) }
                .filter { drawn(prefix + $0, label: label($0)) }
                .prefix(limit)
                .map { ChartData.Row(label: label($0), values: [a[$0] ?? 0, b[$0] ?? 0]) }
        }
        let previousMonths = before.period.months
        let months = now.period.months.enumerated().compactMap { index, month -> ChartData.Row? in
            let earlier = index < previousMonths.count ? previousMonths[index] : nil
            guard drawn("month/" + month, earlier: earlier.map { "month/" + $0 }, label: text.month(iso: month)) else { return nil }
            return ChartData.Row(label: text.month(iso: month),
                                 values: [now.byMonth[month] ?? 0, earlier.flatMap { before.byMonth[$0] } ?? 0])
        }
        let levels = (GovernanceLevel.allCases.map(\.rawValue) + [""]).compactMap { level -> ChartData.Row? in
            let values = [now.peopleByLevel[level] ?? 0, before.peopleByLevel[level] ?? 0]
            if level.isEmpty && values == [0, 0] { return nil }
            let label = level.isEmpty ? text("period.noOrganization") : text("level.\(level)")
            return drawn("level/" + level, label: label) ? ChartData.Row(label: label, values: values) : nil
        }
        func together(_ c: PeriodFigures.Communities) -> [String: Int] {
            c.named.merging(c.counted, uniquingKeysWith: +)
        }
        // Gender and age band in their fixed order, named and counted people together (as "people reached").
        func fixed(_ keys: [String], catalogue: String, prefix: String, _ figure: KeyPath<PeriodFigures, PeriodFigures.Disaggregated>) -> [ChartData.Row] {
            keys.filter { drawn(prefix + $0, label: text("\(catalogue).\($0)")) }.map { key in
                ChartData.Row(label: text("\(catalogue).\(key)"), values: [now, before].map {
                    ($0[keyPath: figure].named[key] ?? 0) + ($0[keyPath: figure].counted[key] ?? 0)
                })
            }
        }
        let follow = [("followUpStatus.done", \PeriodFigures.Follow.done), ("followUpStatus.open", \.open),
                      ("period.overdue", \.overdue), ("followUpStatus.dropped", \.dropped)]
        let charts = [
            chart("byMonth", heading: text("chart.month"), rows: months),
            chart("byLevel", heading: text("chart.level"), rows: levels),
            chart("byCommunity", heading: text("chart.community"),
                  rows: rows(together(now.communities), together(before.communities), prefix: "community/") {
                      $0.isEmpty ? text("period.communityUnknown") : $0
                  }),
            chart("byGender", heading: text("chart.gender"),
                  rows: fixed(HeadCountGender.allCases.map(\.rawValue), catalogue: "headCountGender", prefix: "gender/", \.byGender)),
            chart("byAge", heading: text("chart.ageBand"),
                  rows: fixed(AgeBand.allCases.map(\.rawValue), catalogue: "ageBand", prefix: "age/", \.byAge)),
            chart("byMunicipality", heading: text("chart.municipality"),
                  rows: rows(now.byMunicipality, before.byMunicipality, prefix: "municipality/") {
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
        return (charts, notShown)
    }
}
