import Domain
import Features
import Markup

extension PeopleBulk {
    static let formID = "bulk"

    /// Above the people list: folded until wanted; the rows' boxes belong to this form.
    static func form(_ values: Values, choices: Choices, errors: Forms.Errors = .init(), open: Bool = false,
                     chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("details", [("class", "bulk-actions"), ("open", open ? "" : nil)]) {
            H.el("summary") { Text(text("bulk.summary")) }
            H.el("form", [("id", formID), ("method", "post"), ("action", SiteURL.bulk(.person).path)]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("back", values.back)
                fields(values, choices: choices, errors: errors, text: text)
                Forms.submit(text("bulk.apply"), "secondary")
            }
        }
    }

    static func fields(_ values: Values, choices: Choices, errors: Forms.Errors, text: Localizer) -> Component {
        H.group {
            Forms.select(label: text("bulk.action"), name: "action",
                         options: [("", text("bulk.chooseAction"))] + choices.actions.map { ($0.rawValue, text("bulk.action.\($0.rawValue)")) },
                         selected: values.action, error: errors["action"] ?? errors["id"], help: text("bulk.action.help"),
                         id: "bulk-action")
            if choices.canWrite {
                Forms.select(label: text("bulk.community"), name: "community",
                             options: Forms.refOptions(choices.communities, empty: text("bulk.choose")),
                             selected: values.community, error: errors["community"], id: "bulk-community")
                Forms.select(label: text("bulk.place"), name: "place",
                             options: Forms.refOptions(choices.places, empty: text("bulk.choose")),
                             selected: values.place, error: errors["place"], id: "bulk-place")
                if choices.canSeeRestricted {
                    Forms.select(label: text("bulk.sensitivity"), name: "sensitivity",
                                 options: Forms.options(Sensitivity.self, prefix: "sensitivity", text: text,
                                                        empty: text("bulk.choose")),
                                 selected: values.sensitivity, error: errors["sensitivity"], id: "bulk-sensitivity")
                }
                Forms.select(label: text("bulk.visit"), name: "visit",
                             options: Forms.refOptions(choices.visits, empty: text("bulk.choose")),
                             selected: values.visit, error: errors["visit"], id: "bulk-visit")
            }
        }
    }

    static func page(_ model: PageModel, chrome: Chrome) -> String {
        let text = chrome.text
        let title = model.confirmingDelete ? text("bulk.confirmDelete", model.people.count)
            : text("bulk.title", model.people.count)
        return Layout.page(title: title, chrome: chrome) {
            H.el("h1") { Text(title) }
            Forms.errorSummary(model.errors, text: text, idPrefix: "bulk-")
            H.el("form", [("method", "post"), ("action", SiteURL.bulk(.person).path), ("class", "bulk-page")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("back", model.values.back)
                H.el("fieldset", [("id", "bulk-id")]) {
                    H.el("legend") { Text(text("bulk.chosen")) }
                    H.el("ul", [("class", "plain")]) {
                        for person in model.people {
                            H.el("li") {
                                H.el("label") {
                                    H.void("input", [("type", "checkbox"), ("name", "id[]"),
                                                     ("value", person.id.uuidString.lowercased()), ("checked", "")])
                                    Text(" " + person.name)
                                }
                            }
                        }
                    }
                }
                if model.confirmingDelete {
                    Forms.hidden("action", Action.delete.rawValue)
                    Forms.hidden("confirmed", "1")
                    Paragraph(text("bulk.confirmDelete.help"))
                    Forms.submit(text("bulk.delete", model.people.count), "danger")
                } else {
                    fields(model.values, choices: model.choices, errors: model.errors, text: text)
                    Forms.submit(text("bulk.apply"), "primary")
                }
            }
            H.el("p") {
                H.el("a", [("href", SiteURL.list(.person).path + (model.values.back.isEmpty ? "" : "?" + model.values.back))]) {
                    Text(text("savedFilters.back"))
                }
            }
        }
    }
}
