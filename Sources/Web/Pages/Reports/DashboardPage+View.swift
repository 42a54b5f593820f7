import Domain
import Features
import Foundation
import Markup

extension DashboardPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let report = SiteURL.periodReport.path + "?" + model.filter.query
        let dashboard = SiteURL.dashboard.path + "?" + model.filter.query
        return PeriodViews.page(title: text("dashboard.title"), filter: model.filter, action: .dashboard,
                                report: model.report, seesRestricted: model.seesRestricted, publication: model.publication,
                                chrome: chrome) { figures in
            H.el("p", [("class", "actions no-print")]) {
                H.el("a", [("href", report), ("class", "button secondary")]) { Text(text("dashboard.report")) }
                H.link(text("stakeholders.link"), to: .stakeholders, [("class", "button secondary")])
                // The same dashboard with small numbers suppressed, to show or copy outside; and back.
                if model.publication == nil {
                    H.el("a", [("href", dashboard + "&for=publication"), ("class", "button secondary")]) { Text(text("dashboard.forPublication")) }
                } else {
                    H.el("a", [("href", dashboard), ("class", "button secondary")]) { Text(text("dashboard.exact")) }
                }
            }
            let drawn = charts(figures, publication: model.publication, text: text)
            keyFigures(figures, publication: model.publication, text: text)
            if !drawn.notShown.isEmpty {
                H.text("p", [("class", "help not-shown")], text("dashboard.notShown", drawn.notShown.joined(separator: ", ")))
            }
            H.el("div", [("class", "charts")]) {
                let words = ChartWords(empty: text("chart.empty"), data: text("chart.data"))
                for (index, chart) in drawn.charts.enumerated() {
                    // The months read left to right; the rest are bars, long names fit beside them.
                    if index == 0 {
                        Chart(.column, id: "chart-\(index)", data: chart, words: words)
                    } else {
                        Chart(.bar, id: "chart-\(index)", data: chart, words: words)
                    }
                }
            }
        }
    }

    /// Four numbers first, each with the previous period's beside it.
    /// For publication, the engagements and people reached as the charts' totals allow, and the share of
    /// non-majority communities withheld when either side of it is small.
    static func keyFigures(_ report: PeriodReport, publication: SmallNumbers? = nil, text: Localizer) -> Component {
        let now = report.current, before = report.previous
        let published = publication.map { (now: cells(now, $0), before: cells(before, $0)) }
        func shown(_ cell: SmallNumbers.Cell?, _ exact: String) -> String {
            switch cell {
            case .fewerThan?: return text("smallNumbers.fewerThan", publication?.threshold ?? SmallNumbers.defaultThreshold)
            case .withheld?: return text("smallNumbers.withheld")
            case .exact?, nil: return exact
            }
        }
        func percent(_ c: PeriodFigures.Communities) -> String {
            let part = c.nonMajorityNamed + c.nonMajorityCounted, whole = c.knownNamed + c.knownCounted
            if let publication, publication.isSmall(part) || publication.isSmall(whole - part) { return text("smallNumbers.withheld") }
            return c.nonMajorityShareTogether.map { String(format: "%.0f %%", $0 * 100) } ?? "–"
        }
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }
        func reached(_ figures: PeriodFigures) -> String { "\(figures.reached)\(figures.countedAtLeast ? "+" : "")" }
        let figures: [(String, String, String)] = [
            (text("dashboard.engagements"), shown(published?.now["engagements"], String(now.engagements)),
             shown(published?.before["engagements"], String(before.engagements))),
            (text("dashboard.reached"), shown(published?.now["reached"], reached(now)), shown(published?.before["reached"], reached(before))),
            (text("dashboard.nonMajority"), percent(now.communities), percent(before.communities)),
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
}
