import Domain
import Features
import Markup

extension EngagementPage {
    /// The agreements discussed or signed here, each with a way to unlink it; and the form to link one.
    static func agreements(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let record = model.record
        if model.agreements.isEmpty && !(model.canChange && !model.agreementChoices.isEmpty) { return H.empty }
        return Section.view(id: "agreements", title: text("agreements.linkHere")) {
            if !model.agreements.isEmpty {
                RecordList.view(model.agreements) { linked in
                    H.el("p", [("class", "record-title")]) {
                        H.link(linked.agreement.name, to: .record(.agreement, linked.agreement.id))
                        Text(" — " + text("agreementLink.\(linked.link.rawValue)"))
                    }
                    if model.canChange {
                        Forms.post(to: .record(.engagement, record.id, .unlinkAgreement), csrf: chrome.csrfToken,
                                   button: text("agreements.unlink"),
                                   hidden: [("agreementID", linked.agreement.id.path)])
                    }
                }
            }
            if model.canChange && !model.agreementChoices.isEmpty {
                let form = SubForm(.agreement, model)
                form.element(.record(.engagement, record.id, .agreements), section: "agreements",
                             summary: text("agreements.linkAdd"), chrome: chrome) {
                    form.select(text("agreements.title"), "agreementID",
                                options: Forms.refOptions(model.agreementChoices, empty: text("engagements.noChoice")))
                    form.select(text("agreements.link"), "link",
                                options: Forms.options(AgreementEngagementLink.self, prefix: "agreementLink",
                                                       text: text),
                                default: AgreementEngagementLink.discussed.rawValue)
                    Forms.submit(text("agreements.linkAdd"), "secondary")
                }
            }
        }
    }

    static func workingGroups(_ model: Model, chrome: Chrome) -> Component {
        links(model.groups, choices: model.groupChoices, resource: .workingGroup, id: "working-groups",
              title: "groups.meetingOf", add: "groups.meetingAdd", form: .workingGroup, field: "groupID",
              action: .workingGroups, model: model, chrome: chrome)
    }

    static func recommendations(_ model: Model, chrome: Chrome) -> Component {
        links(model.recommendations, choices: model.recommendationChoices, resource: .recommendation,
              id: "recommendations", title: "recommendations.restingHere", add: "recommendations.evidenceAdd",
              form: .recommendation, field: "recommendationID", action: .recommendations, model: model, chrome: chrome)
    }

    /// Records this engagement is linked to, and a menu of those it could be (left out when there is neither).
    static func links(_ linked: [RecordRef], choices: [RecordRef], resource: Resource, id: String, title: String,
                      add: String, form kind: Attempt.Form, field: String, action: RecordAction, model: Model,
                      chrome: Chrome) -> Component {
        let text = chrome.text
        let choices = choices.filter { choice in !linked.contains { $0.id == choice.id } }
        if linked.isEmpty && !(model.canChange && !choices.isEmpty) { return H.empty }
        return Section.view(id: id, title: text(title)) {
            if let list = Facts.links(linked, resource) { list }
            if model.canChange && !choices.isEmpty {
                let form = SubForm(kind, model)
                form.element(.record(.engagement, model.record.id, action), section: id, summary: text(add),
                             chrome: chrome) {
                    form.select(text(add), field,
                                options: Forms.refOptions(choices, empty: text("engagements.noChoice")))
                    Forms.submit(text("agreements.link"), "secondary")
                }
            }
        }
    }
}
