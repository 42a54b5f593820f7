import Domain
import Features
import Markup

extension WorkingGroupPage {
    /// What the group is to deliver, late ones marked, each with buttons to move its status; and the form.
    static func deliverables(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let errors = model.deliverableErrors, values = model.deliverableValues
        return Section.items(model.group.deliverables, id: "deliverables", title: text("groups.deliverables"),
                             none: text("groups.noDeliverables")) { items in
            H.el("ul", [("class", "records")]) { for item in items { deliverable(item, model: model, chrome: chrome) } }
        } add: {
            if model.canChange {
                SectionForm.view(action: .record(.workingGroup, model.group.id, .deliverables), section: "deliverables",
                                 idPrefix: "dl-", errors: errors, chrome: chrome) {
                    H.el("h3") { Text(text("groups.addDeliverable")) }
                    Forms.field(label: text("groups.deliverableTitle"), name: "title", value: values["title"] ?? "",
                                error: errors["title"], required: true, id: "dl-title")
                    Forms.select(label: text("groups.deliverableKind"), name: "kind",
                                 options: Forms.options(DeliverableKind.self, prefix: "deliverableKind", text: text),
                                 selected: values["kind"], error: errors["kind"], id: "dl-kind")
                    Forms.field(label: text("groups.deliverableDue"), name: "dueOn", type: "date",
                                value: values["dueOn"] ?? "",
                                error: errors["dueOn"], id: "dl-dueOn")
                    Forms.submit(text("groups.addDeliverable"), "secondary")
                }
            }
        }
    }

    static func deliverable(_ item: Deliverable, model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let late = DeliverableRule.isLate(status: item.status, due: item.dueOn, today: model.today)
        return H.el("li", [("class", late ? "overdue" : nil)]) {
            H.el("p", [("class", "record-title")]) {
                Text(item.title)
                if late { H.text("span", [("class", "badge badge-overdue")], text("groups.late")) }
            }
            H.text("p", [("class", "record-meta")],
                   [text("deliverableKind.\(item.kind.rawValue)"),
                    item.dueOn.map { text("followUps.due", text.day($0)) },
                    text("deliverableStatus.\(item.status.rawValue)")].compactMap { $0 }.joined(separator: " · "))
            if model.canChange {
                H.el("div", [("class", "actions")]) {
                    for status in DeliverableStatus.allCases where status != item.status {
                        Forms.post(to: .record(.deliverable, item.id, .status), csrf: chrome.csrfToken,
                                   button: text("deliverableStatus.\(status.rawValue)"),
                                   hidden: [("status", status.rawValue), ("version", String(item.version))])
                    }
                }
            }
        }
    }
}
