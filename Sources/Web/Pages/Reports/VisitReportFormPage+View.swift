import Domain
import Features
import Markup

extension VisitReportFormPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let frame = RecordFormFrame(
            title: text("report.edit") + ": " + model.visit.summary.title,
            trail: [(text("report.title", model.visit.summary.title), .record(.visit, model.visit.id, .report))],
            intro: text("report.edit.help"), action: .record(.visit, model.visit.id, .editReport),
            version: String(model.theirs?.version ?? values.version), errors: errors,
            conflict: model.theirs.map { .init(message: text("record.conflict"), theirs: theirs($0, text: text)) })
        return frame.page(chrome: chrome) {
            Forms.textarea(label: text("report.introduction"), name: "introduction", value: values.introduction ?? "",
                           error: errors["introduction"], rows: 6)
            Forms.textarea(label: text("report.conclusions"), name: "conclusions", value: values.conclusions ?? "",
                           error: errors["conclusions"], rows: 6)
            Forms.textarea(label: text("report.nextSteps"), name: "nextSteps", value: values.nextSteps ?? "",
                           error: errors["nextSteps"], rows: 4)
        }
    }

    /// The other author's sections, as they saved them.
    static func theirs(_ narrative: VisitReportNarrative, text: Localizer) -> Component {
        H.group {
            for (label, value) in [("report.introduction", narrative.introduction),
                                   ("report.conclusions", narrative.conclusions),
                                   ("report.nextSteps", narrative.nextSteps)] {
                if let value { H.text("h3", [], text(label)); Paragraph(value) }
            }
        }
    }
}
