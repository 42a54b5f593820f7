import Domain
import Features
import Markup

extension AssessmentsPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let ref = model.subject.ref
        let resource: Resource = model.subject.isPerson ? .person : .organization
        return Layout.page(title: text("assessments.title", ref.name), chrome: chrome) {
            Breadcrumb.view([(ref.name, .record(resource, ref.id)), (text("stakeholders.title"), .stakeholders)])
            H.el("h1") { Text(text("assessments.title", ref.name)) }
            Paragraph(text("assessments.intro"))
            if model.history.isEmpty { Paragraph(text("assessments.none")) } else { table(model, chrome: chrome) }
            if model.canWrite { form(model, action: .record(resource, ref.id, .assessments), chrome: chrome) }
        }
    }

    static func table(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let keys = ["assessments.assessedOn", "assessments.influence", "assessments.interest", "assessments.stance",
                    "assessments.movement", "assessments.by", "assessments.notes"]
        return H.el("div", [("class", "table-scroll")]) {
            H.el("table") {
                H.el("thead") {
                    H.el("tr") {
                        for key in keys { H.text("th", [("scope", "col")], text(key)) }
                        if model.canWrite {
                            H.el("th", [("scope", "col")]) {
                                H.text("span", [("class", "visually-hidden")], text("assessments.remove"))
                            }
                        }
                    }
                }
                H.el("tbody") {
                    for (index, assessment) in model.history.enumerated() {
                        let earlier = index + 1 < model.history.count ? model.history[index + 1] : nil
                        row(assessment, earlier: earlier, canWrite: model.canWrite, chrome: chrome)
                    }
                }
            }
        }
    }

    static func row(_ assessment: AssessmentRecord, earlier: AssessmentRecord?, canWrite: Bool,
                    chrome: Chrome) -> Component {
        let text = chrome.text
        let movement = earlier.map {
            StakeholderViews.movement(StakeholderMovement(from: $0.scores, to: assessment.scores), text: text)
        }
        return H.el("tr") {
            H.text("td", [], text.day(assessment.assessedOn))
            H.text("td", [("class", "num")], String(assessment.scores.influence))
            H.text("td", [("class", "num")], String(assessment.scores.interest))
            H.text("td", [], text("stance.\(assessment.scores.stance.rawValue)"))
            H.text("td", [], movement ?? "–")
            H.text("td", [], assessment.assessedBy)
            H.text("td", [], assessment.notes ?? "")
            if canWrite {
                H.el("td") {
                    Forms.post(to: .record(.assessment, assessment.id, .remove), csrf: chrome.csrfToken,
                               button: text("assessments.remove"))
                }
            }
        }
    }

    static func form(_ model: Model, action: SiteURL, chrome: Chrome) -> Component {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let scale = StakeholderScores.scale.map { (String($0), text("assessments.scale.\($0)")) }
        return H.group {
            H.el("h2", [("id", "new")]) { Text(text("assessments.new")) }
            Forms.errorSummary(errors, text: text)
            H.el("form", [("method", "post"), ("action", action.path + "#new"), ("class", "record-form")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.field(label: text("assessments.assessedOn"), name: "assessedOn", type: "date",
                            value: values.assessedOn ?? "", error: errors["assessedOn"], required: true)
                Forms.select(label: text("assessments.influence"), name: "influence", options: scale,
                             selected: values.influence ?? "3", error: errors["influence"],
                             help: text("assessments.influence.help"))
                Forms.select(label: text("assessments.interest"), name: "interest", options: scale,
                             selected: values.interest ?? "3", error: errors["interest"],
                             help: text("assessments.interest.help"))
                Forms.select(label: text("assessments.stance"), name: "stance",
                             options: StakeholderStance.allCases.map { ($0.rawValue, text("stance.\($0.rawValue)")) },
                             selected: values.stance ?? StakeholderStance.neutral.rawValue, error: errors["stance"])
                Forms.textarea(label: text("assessments.notes"), name: "notes", value: values.notes ?? "",
                               error: errors["notes"])
                Forms.submit(text("assessments.add"))
            }
        }
    }
}
