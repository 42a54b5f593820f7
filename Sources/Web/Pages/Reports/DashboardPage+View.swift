import Domain
import Features
import Foundation
import Markup

extension DashboardPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("dashboard.title"), chrome: chrome) {
            H.el("h1") { Text(text("dashboard.title")) }
            model.filter.form(action: .dashboard, text: text)
            if let report = model.report {
                PeriodViews.subtitle(report, seesRestricted: model.seesRestricted, text: text)
                H.el("p", [("class", "actions no-print")]) {
                    H.el("a",
                         [("href", SiteURL.periodReport.path + "?" + model.filter.query),
                          ("class", "button secondary")]) {
                        Text(text("dashboard.report"))
                    }
                    H.link(text("stakeholders.link"), to: .stakeholders, [("class", "button secondary")])
                }
                keyFigures(report, text: text)
                H.el("div", [("class", "charts")]) {
                    for (index, chart) in charts(report, text: text).enumerated() {
                        let words = ChartWords(empty: text("chart.empty"), data: text("chart.data"))
                        if index == 0 {
                            ColumnChart(id: "chart-\(index)", data: chart, words: words)
                        } else {
                            BarChart(id: "chart-\(index)", data: chart, words: words)
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
