import Domain
import Features
import Markup

extension PeriodReportPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let query = "?" + model.filter.query
        let downloads: [(SiteURL, String)] = [
            (.periodReportFile(.markdown), "period.markdown"), (.periodReportFile(.csv), "period.csv"),
            (.periodReportFile(.html), "report.html"), (.dashboard, "dashboard.title"),
        ]
        return PeriodViews.page(title: text("period.title"), filter: model.filter, action: .periodReport,
                                report: model.report, seesRestricted: model.seesRestricted, chrome: chrome) { report in
            H.el("div", [("class", "actions no-print")]) {
                for (url, label) in downloads {
                    H.el("a", [("href", url.path + query), ("class", "button secondary")]) { Text(text(label)) }
                }
            }
            PeriodViews.tables(report, text: text) { .record(.agreement, $0) }
        }
    }
}
