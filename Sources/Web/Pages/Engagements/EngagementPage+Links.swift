import Domain
import Features
import Markup

extension EngagementPage {
    /// The agreements, working groups and recommendations this engagement is linked to, each kind one line
    /// under its own small heading (left out when there are none), and one disclosure holding a small form
    /// for each kind it could still be linked to. Left out when there is nothing linked and nothing to link.
    static func linked(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let groupChoices = unlinked(model.groupChoices, model.groups)
        let recommendationChoices = unlinked(model.recommendationChoices, model.recommendations)
        var forms: [Component] = []
        if model.canChange {
            if !model.agreementChoices.isEmpty { forms.append(agreementForm(model, chrome: chrome)) }
            if !groupChoices.isEmpty {
                forms.append(linkForm(.workingGroup, choices: groupChoices, label: "groups.meetingAdd", field: "groupID",
                                      action: .workingGroups, model: model, chrome: chrome))
            }
            if !recommendationChoices.isEmpty {
                forms.append(linkForm(.recommendation, choices: recommendationChoices,
                                      label: "recommendations.evidenceAdd", field: "recommendationID",
                                      action: .recommendations, model: model, chrome: chrome))
            }
        }
        let anyLinked = !model.agreements.isEmpty || !model.groups.isEmpty || !model.recommendations.isEmpty
        if !anyLinked && forms.isEmpty { return H.empty }
        let reopened = [Attempt.Form.agreement, .workingGroup, .recommendation].contains { $0 == model.attempt?.form }
        let add = forms.isEmpty ? H.empty : H.el("details", [("class", "add-form"), ("open", reopened ? "" : nil)]) {
            H.el("summary") { Text(text("engagements.linkAdd")) }
            H.group(forms)
        }
        let count = model.agreements.count + model.groups.count + model.recommendations.count
        return part(id: "links", title: text("engagements.links"), fold: (count, nil), add: add, text: text) {
            if !anyLinked { Paragraph(text("engagements.noLinks")) }
            agreements(model, chrome: chrome)
            kind(model.groups, .workingGroup, id: "working-groups", title: text("groups.meetingOf"), text: text)
            kind(model.recommendations, .recommendation, id: "recommendations",
                 title: text("recommendations.restingHere"), text: text)
        }
    }

    /// The agreements discussed or signed here, each with its link and a way to unlink it.
    static func agreements(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        if model.agreements.isEmpty { return H.empty }
        return H.el("section", [("class", "run-in"), ("aria-labelledby", "agreements")]) {
            H.el("h3", [("id", "agreements")]) { Text(text("agreements.linkHere")) }
            H.el("ul", [("class", "inline")]) {
                for linked in model.agreements {
                    H.el("li") {
                        H.link(linked.agreement.name, to: .record(.agreement, linked.agreement.id))
                        Text(" — " + text("agreementLink.\(linked.link.rawValue)"))
                        if model.canChange {
                            Text(" ")
                            Forms.post(to: .record(.engagement, model.record.id, .unlinkAgreement),
                                       csrf: chrome.csrfToken, button: text("agreements.unlink"),
                                       cssClass: "secondary small", hidden: [("agreementID", linked.agreement.id.path)])
                        }
                    }
                }
            }
        }
    }

    /// Linked records of one kind on one line, under a heading run in before them.
    static func kind(_ refs: [RecordRef], _ resource: Resource, id: String, title: String,
                     text: Localizer) -> Component {
        if refs.isEmpty { return H.empty }
        return H.el("section", [("class", "run-in"), ("aria-labelledby", id)]) {
            H.el("h3", [("id", id)]) { Text(title) }
            Fold.list(refs, cssClass: "inline", text: text) { H.link($0.name, to: .record(resource, $0.id)) }
        }
    }

    static func agreementForm(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let form = SubForm(.agreement, model)
        return form.form(.record(.engagement, model.record.id, .agreements), section: "links", chrome: chrome) {
            form.select(text("agreements.linkAdd"), "agreementID",
                        options: Forms.refOptions(model.agreementChoices, empty: text("engagements.noChoice")))
            form.select(text("agreements.link"), "link",
                        options: Forms.options(AgreementEngagementLink.self, prefix: "agreementLink", text: text),
                        default: AgreementEngagementLink.discussed.rawValue)
            Forms.submit(text("agreements.linkAdd"), "secondary")
        }
    }

    static func linkForm(_ kind: Attempt.Form, choices: [RecordRef], label: String, field: String,
                         action: RecordAction, model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let form = SubForm(kind, model)
        return form.form(.record(.engagement, model.record.id, action), section: "links", chrome: chrome) {
            form.select(text(label), field, options: Forms.refOptions(choices, empty: text("engagements.noChoice")))
            Forms.submit(text("agreements.link"), "secondary")
        }
    }

    /// The choices not linked yet.
    static func unlinked(_ choices: [RecordRef], _ linked: [RecordRef]) -> [RecordRef] {
        choices.filter { choice in !linked.contains { $0.id == choice.id } }
    }
}
