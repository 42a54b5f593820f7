import Domain
import Features
import Foundation
import Markup

extension VisitReportPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let visit = model.report.visit
        return Layout.page(title: text("report.title", visit.summary.title), chrome: chrome) {
            Breadcrumb.view([(visit.summary.title, .record(.visit, visit.id))], cssClass: "breadcrumb no-print")
            ExportForm.view([(.record(.visit, visit.id, .reportMarkdown), "report.markdown"),
                             (.record(.visit, visit.id, .reportHTML), "report.html"),
                             (.record(.visit, visit.id, .reportPDF), "report.pdf")], text: text)
            if model.canWrite {
                H.el("p", [("class", "no-print")]) {
                    H.link(text("report.edit"), to: .record(.visit, visit.id, .editReport),
                           [("class", "button primary")])
                }
            }
            H.text("p", [("class", "help no-print")], text("report.print"))
            body(model.report, drafted: model.drafted, text: text) { SiteURL.record(.photo, $0.id, .small).path }
        }
    }

    /// A whole document that opens anywhere: the stylesheet inline, photos as data.
    static func standalone(_ report: VisitReport, drafted: String, stylesheet: String, text: Localizer,
                           photo: (PhotoRecord) -> String?) -> String {
        Standalone.document(title: text("report.title", report.visit.summary.title), stylesheet: stylesheet,
                            text: text) {
            body(report, drafted: drafted, text: text, photo: photo)
        }
    }

    /// A narrative section's paragraphs: the author separates them with an empty line.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
