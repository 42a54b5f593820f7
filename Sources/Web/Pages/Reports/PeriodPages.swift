import Domain
import Features
import Foundation
import Markup

/// The period report (tables beside the previous period, with exports) and the dashboard (the same
/// figures as charts). Both are chosen with one filter: from, until, and a place.
enum PeriodPages {
    struct Filter {
        var from: String
        var to: String
        var placeID: String
        var places: [RecordRef]
        var errors = Forms.Errors()

        var query: String { QueryString.encode([("from", from), ("to", to), ("place", placeID)]) }
    }

    static func filterForm(_ filter: Filter, action: SiteURL, text: Localizer) -> Component {
        H.el("form", [("method", "get"), ("action", action.path), ("class", "filters no-print"), ("role", "search")]) {
            Forms.field(label: text("period.from"), name: "from", type: "date", value: filter.from, error: filter.errors["from"])
            Forms.field(label: text("period.to"), name: "to", type: "date", value: filter.to, error: filter.errors["to"])
            Forms.select(label: text("period.placeFilter"), name: "place", options: RegistryViews.refOptions(filter.places, empty: text("period.everywhere")),
                         selected: filter.placeID, error: filter.errors["place"])
            Forms.submit(text("period.show"), "secondary")
        }
    }

    static func subtitle(_ report: PeriodReport, seesRestricted: Bool, text: Localizer) -> Component {
        H.group {
            Paragraph(text("period.subtitle", PeriodReportTable.span(report.current.period), PeriodReportTable.span(report.previous.period))
                      + (report.place.map { " " + text("period.place", $0.name) } ?? ""))
            if !seesRestricted { H.text("p", [("class", "help")], text("period.restricted")) }
        }
    }

    static func report(_ report: PeriodReport?, filter: Filter, seesRestricted: Bool, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("period.title"), chrome: chrome) {
            H.el("h1") { Text(text("period.title")) }
            filterForm(filter, action: .periodReport, text: text)
            if let report {
                subtitle(report, seesRestricted: seesRestricted, text: text)
                H.el("div", [("class", "actions no-print")]) {
                    H.el("a", [("href", SiteURL.periodReportFile(.markdown).path + "?" + filter.query), ("class", "button secondary")]) { Text(text("period.markdown")) }
                    H.el("a", [("href", SiteURL.periodReportFile(.csv).path + "?" + filter.query), ("class", "button secondary")]) { Text(text("period.csv")) }
                    H.el("a", [("href", SiteURL.periodReportFile(.html).path + "?" + filter.query), ("class", "button secondary")]) { Text(text("report.html")) }
                    H.el("a", [("href", SiteURL.dashboard.path + "?" + filter.query), ("class", "button secondary")]) { Text(text("dashboard.title")) }
                }
                tables(report, text: text) { .record(.agreement, $0) }
            }
        }
    }

    /// The figures' tables and the agreements signed; links only on the site (`link` nil in the file).
    static func tables(_ report: PeriodReport, text: Localizer, link: ((UUID) -> SiteURL)?) -> Component {
        H.group {
            for section in PeriodReportTable.sections(report, text: text) {
                H.el("div", [("class", "table-scroll figures")]) { H.el("table") {
                    H.text("caption", [], section.title)
                    H.el("thead") {
                        H.el("tr") {
                            H.text("th", [("scope", "col")], text("period.figure"))
                            H.text("th", [("scope", "col"), ("class", "num")], PeriodReportTable.span(report.current.period))
                            H.text("th", [("scope", "col"), ("class", "num")], PeriodReportTable.span(report.previous.period))
                        }
                    }
                    H.el("tbody") {
                        for row in section.rows {
                            H.el("tr") {
                                H.text("th", [("scope", "row")], row.label)
                                H.text("td", [("class", "num")], row.current)
                                H.text("td", [("class", "num")], row.previous)
                            }
                        }
                    }
                } }
            }
            if !report.current.agreementsSigned.isEmpty {
                H.el("h2") { Text(text("period.agreementsList")) }
                H.el("ul") {
                    for agreement in report.current.agreementsSigned {
                        H.el("li") {
                            if let link { H.link(agreement.title, to: link(agreement.id)) } else { Text(agreement.title) }
                            Text(agreement.signedOn.map { " (\($0))" } ?? "")
                        }
                    }
                }
            }
        }
    }

    /// The period report as one HTML file that opens anywhere (its stylesheet inside), for a donor.
    static func standalone(_ report: PeriodReport, seesRestricted: Bool, stylesheet: String, text: Localizer) -> String {
        var html = "<!DOCTYPE html>"
        H.el("html", [("lang", text.language)]) {
            H.el("head") {
                H.void("meta", [("charset", "utf-8")])
                H.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                H.text("title", [], text("period.title"))
                H.el("style") { RawCSS(css: stylesheet) }
            }
            H.el("body") {
                H.el("main", [("id", "main")]) {
                    H.el("h1") { Text(text("period.title")) }
                    subtitle(report, seesRestricted: seesRestricted, text: text)
                    tables(report, text: text, link: nil)
                }
            }
        }.write(to: &html)
        return html
    }

    static func dashboard(_ report: PeriodReport?, filter: Filter, seesRestricted: Bool, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("dashboard.title"), chrome: chrome) {
            H.el("h1") { Text(text("dashboard.title")) }
            filterForm(filter, action: .dashboard, text: text)
            if let report {
                subtitle(report, seesRestricted: seesRestricted, text: text)
                H.el("p", [("class", "actions no-print")]) {
                    H.el("a", [("href", SiteURL.periodReport.path + "?" + filter.query), ("class", "button secondary")]) { Text(text("dashboard.report")) }
                    H.link(text("stakeholders.link"), to: .stakeholders, [("class", "button secondary")])
                }
                keyFigures(report, text: text)
                H.el("div", [("class", "charts")]) {
                    for (index, chart) in charts(report, text: text).enumerated() {
                        if index == 0 {
                            ColumnChart(id: "chart-\(index)", data: chart, emptyText: text("chart.empty"), dataSummary: text("chart.data"))
                        } else {
                            BarChart(id: "chart-\(index)", data: chart, emptyText: text("chart.empty"), dataSummary: text("chart.data"))
                        }
                    }
                }
            }
        }
    }

    /// Four numbers first, each with the previous period's beside it.
    static func keyFigures(_ report: PeriodReport, text: Localizer) -> Component {
        let now = report.current, before = report.previous
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }
        let figures: [(String, String, String)] = [
            (text("dashboard.engagements"), String(now.engagements), String(before.engagements)),
            (text("dashboard.reached"), "\(now.reached)\(now.countedAtLeast ? "+" : "")", "\(before.reached)\(before.countedAtLeast ? "+" : "")"),
            (text("dashboard.nonMajority"), percent(now.communities.nonMajorityShareTogether), percent(before.communities.nonMajorityShareTogether)),
            (text("dashboard.completion"), percent(now.followUps.completion), percent(before.followUps.completion)),
        ]
        return H.el("dl", [("class", "key-figures")]) {
            for (label, current, previous) in figures {
                H.el("div") {
                    H.text("dt", [], label)
                    H.el("dd") {
                        H.text("span", [("class", "key-figure")], current)
                        H.text("span", [("class", "muted")], " " + text("period.previousPeriod") + ": " + previous)
                    }
                }
            }
        }
    }

    /// The charts' data: each figure of this period beside the previous period's.
    static func charts(_ report: PeriodReport, text: Localizer) -> [ChartData] {
        let now = report.current, before = report.previous
        let series = [PeriodReportTable.span(now.period), PeriodReportTable.span(before.period)]
        func chart(_ key: String, heading: String, rows: [ChartData.Row]) -> ChartData {
            ChartData(title: text("chart.\(key)"), description: text("chart.\(key).desc"), categoryHeading: heading, seriesNames: series, rows: rows)
        }
        func rows(_ a: [String: Int], _ b: [String: Int], limit: Int = 15, label: (String) -> String) -> [ChartData.Row] {
            Set(a.keys).union(b.keys).sorted { (a[$0] ?? 0, b[$0] ?? 0, $1) > (a[$1] ?? 0, b[$1] ?? 0, $0) }.prefix(limit)
                .map { ChartData.Row(label: label($0), values: [a[$0] ?? 0, b[$0] ?? 0]) }
        }
        let previousMonths = before.period.months
        let months = now.period.months.enumerated().map { index, month in
            ChartData.Row(label: month, values: [now.byMonth[month] ?? 0, index < previousMonths.count ? before.byMonth[previousMonths[index]] ?? 0 : 0])
        }
        let levels = (GovernanceLevel.allCases.map(\.rawValue) + [""]).compactMap { level -> ChartData.Row? in
            let values = [now.peopleByLevel[level] ?? 0, before.peopleByLevel[level] ?? 0]
            if level.isEmpty && values == [0, 0] { return nil }
            return ChartData.Row(label: level.isEmpty ? text("period.noOrganization") : text("level.\(level)"), values: values)
        }
        func together(_ c: PeriodFigures.Communities) -> [String: Int] { c.named.merging(c.counted, uniquingKeysWith: +) }
        let follow = [("followUpStatus.done", \PeriodFigures.Follow.done), ("followUpStatus.open", \.open), ("period.overdue", \.overdue), ("followUpStatus.dropped", \.dropped)]
        return [
            chart("byMonth", heading: text("chart.month"), rows: months),
            chart("byLevel", heading: text("chart.level"), rows: levels),
            chart("byCommunity", heading: text("chart.community"),
                  rows: rows(together(now.communities), together(before.communities)) { $0.isEmpty ? text("period.communityUnknown") : $0 }),
            chart("byMunicipality", heading: text("chart.municipality"),
                  rows: rows(now.byMunicipality, before.byMunicipality) { $0.isEmpty ? text("period.noMunicipality") : $0 }),
            chart("followUps", heading: text("chart.status"),
                  rows: follow.map { ChartData.Row(label: text($0.0), values: [now.followUps[keyPath: $0.1], before.followUps[keyPath: $0.1]]) }),
            chart("recommendations", heading: text("chart.status"), rows: RecommendationStatus.allCases.map { status in
                ChartData.Row(label: text("recommendationStatus.\(status.rawValue)"),
                              values: [now.recommendationsByStatus[status.rawValue] ?? 0, before.recommendationsByStatus[status.rawValue] ?? 0])
            }),
        ]
    }
}
