import Domain
import Features
import Markup

extension PeriodReportPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let query = "?" + model.filter.query
        return PeriodViews.page(title: text("period.title"), filter: model.filter, action: .periodReport,
                                report: model.report, seesRestricted: model.seesRestricted, chrome: chrome) { report in
            ExportForm.view([(.periodReportFile(.markdown), "period.markdown"), (.periodReportFile(.csv), "period.csv"),
                             (.periodReportFile(.html), "report.html")], keeping: model.filter.fields,
                            publicationChoice: true, text: text)
            H.el("p", [("class", "no-print")]) {
                H.el("a", [("href", SiteURL.dashboard.path + query)]) { Text(text("dashboard.title")) }
            }
            PeriodViews.tables(report, text: text) { .record(.agreement, $0) }
        }
    }
}
