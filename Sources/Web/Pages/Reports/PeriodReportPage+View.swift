import Domain
import Features
import Markup

extension PeriodReportPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let query = "?" + model.filter.query
        return Layout.page(title: text("period.title"), chrome: chrome) {
            H.el("h1") { Text(text("period.title")) }
            model.filter.form(action: .periodReport, text: text)
            if let report = model.report {
                PeriodViews.subtitle(report, seesRestricted: model.seesRestricted, text: text)
                H.el("div", [("class", "actions no-print")]) {
                    for (url, label) in [(SiteURL.periodReportFile(.markdown), "period.markdown"),
                                         (.periodReportFile(.csv), "period.csv"), (.periodReportFile(.html),
                                                 "report.html"),
                                         (.dashboard, "dashboard.title")] {
                        H.el("a", [("href", url.path + query), ("class", "button secondary")]) { Text(text(label)) }
                    }
                }
                PeriodViews.tables(report, text: text) { .record(.agreement, $0) }
            }
        }
    }
}
