import Domain
import Features
import Foundation
import Markup

extension DashboardPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let report = SiteURL.periodReport.path + "?" + model.filter.query
        return PeriodViews.page(title: text("dashboard.title"), filter: model.filter, action: .dashboard,
                                report: model.report, seesRestricted: model.seesRestricted, chrome: chrome) { figures in
            H.el("p", [("class", "actions no-print")]) {
                H.el("a", [("href", report), ("class", "button secondary")]) { Text(text("dashboard.report")) }
                H.link(text("stakeholders.link"), to: .stakeholders, [("class", "button secondary")])
            }
            keyFigures(figures, text: text)
            H.el("div", [("class", "charts")]) {
                let words = ChartWords(empty: text("chart.empty"), data: text("chart.data"))
                for (index, chart) in charts(figures, text: text).enumerated() {
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
    static func keyFigures(_ report: PeriodReport, text: Localizer) -> Component {
        let now = report.current, before = report.previous
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }
        func reached(_ figures: PeriodFigures) -> String { "\(figures.reached)\(figures.countedAtLeast ? "+" : "")" }
        let figures: [(String, String, String)] = [
            (text("dashboard.engagements"), String(now.engagements), String(before.engagements)),
            (text("dashboard.reached"), reached(now), reached(before)),
            (text("dashboard.nonMajority"), percent(now.communities.nonMajorityShareTogether),
             percent(before.communities.nonMajorityShareTogether)),
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
