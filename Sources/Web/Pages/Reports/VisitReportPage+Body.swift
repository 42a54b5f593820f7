import Domain
import Features
import Markup

extension VisitReportPage {
    /// The report: on the site, and in the single-file export.
    static func body(_ report: VisitReport, drafted: String, text: Localizer,
                     photo: (PhotoRecord) -> String?) -> Component {
        let visit = report.visit
        return H.el("article", [("class", "report")]) {
            H.el("h1") { Text(visit.summary.title) }
            H.text("p", [("class", "record-meta")], text.days(visit.summary.startsOn, visit.summary.endsOn)
                   + (visit.places.isEmpty ? "" : " · " + visit.places.map(\.name).joined(separator: ", ")))
            if !report.delegation.isEmpty {
                H.el("p") {
                    H.text("strong", [], text("visits.delegation") + ": ")
                    Text(report.delegation.joined(separator: ", "))
                }
            }
            for paragraph in paragraphs(report.narrative.introduction ?? "") { Paragraph(paragraph) }
            if visit.purpose != nil || visit.notes != nil {
                H.el("h2") { Text(text("report.summary")) }
                for paragraph in [visit.purpose, visit.notes].compactMap({ $0 }) { Paragraph(paragraph) }
            }
            H.el("h2") { Text(text("report.engagements")) }
            if report.engagements.isEmpty { Paragraph(text("report.none")) }
            for record in report.engagements { engagement(record, text: text, photo: photo) }
            if !report.agreements.isEmpty || !report.workingGroups.isEmpty {
                H.el("h2") { Text(text("report.agreements")) }
                H.el("ul") {
                    for agreement in report.agreements {
                        H.text("li", [], agreement.title + " — " + text("agreementStatus.\(agreement.status.rawValue)")
                               + (agreement.signedOn.map { ", \($0)" } ?? ""))
                    }
                    for group in report.workingGroups { H.text("li", [], text("report.groupStarted", group.name)) }
                }
            }
            let followUps = report.followUps
            if !followUps.isEmpty {
                H.el("h2") { Text(text("report.followUps")) }
                H.el("ul") {
                    for item in followUps {
                        let facts = [item.owner?.name, item.dueOn.map { text("followUps.due", text.day($0)) },
                                     text("followUpStatus.\(item.status.rawValue)")].compactMap { $0 }
                        H.text("li", [], item.text + " (" + facts.joined(separator: ", ") + ")")
                    }
                }
            }
            if let conclusions = report.narrative.conclusions {
                H.el("h2") { Text(text("report.conclusions")) }
                for paragraph in paragraphs(conclusions) { Paragraph(paragraph) }
            }
            if let nextSteps = report.narrative.nextSteps {
                H.el("h2") { Text(text("report.nextSteps")) }
                for paragraph in paragraphs(nextSteps) { Paragraph(paragraph) }
            }
            if !report.context.isEmpty {
                H.el("h2") { Text(text("report.context")) }
                H.el("ul") {
                    for event in report.context {
                        let names = event.places.map(\.name).joined(separator: ", ")
                        let places = names.isEmpty ? "" : " (" + names + ")"
                        H.text("li", [], ContextEventViews.dates(event.period, text: text) + ": " + event.title + places)
                    }
                }
            }
            H.text("p", [("class", "muted report-footer")], drafted)
        }
    }
}
