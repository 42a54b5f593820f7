import Domain
import Features
import Markup

extension PublicUpdatePage {
    static func form(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let update = model.update
        let values = update.text
        return H.el("form", [("method", "post"), ("action", SiteURL.record(.visit, update.visit.id, .publicUpdate).path + "#check"), ("class", "record-form")]) {
            Forms.csrf(chrome.csrfToken)
            Forms.hidden("version", String(values.version))
            Forms.field(label: text("publicUpdate.headline"), name: "headline", value: values.headline ?? update.visit.summary.title,
                        error: model.errors["headline"], id: "pu-headline")
            Forms.textarea(label: text("publicUpdate.lead"), name: "lead", value: values.lead ?? "", error: model.errors["lead"],
                                   help: text("publicUpdate.lead.help"), rows: 5, id: "pu-lead")
            Forms.textarea(label: text("publicUpdate.closing"), name: "closing", value: values.closing ?? "", error: model.errors["closing"],
                                   rows: 3, id: "pu-closing")
            H.el("h2") { Text(text("publicUpdate.people")) }
            if update.check.mentions.isEmpty { Paragraph(text("publicUpdate.nobody")) }
            for mention in update.check.mentions { person(mention, errors: model.errors, text: text) }
            if !update.quoteChoices.isEmpty {
                H.el("fieldset") {
                    H.text("legend", [], text("publicUpdate.quotes"))
                    for choice in update.quoteChoices {
                        Forms.checkbox(label: text("publicUpdate.leaveOut", choice.label) + " (" + choice.place + ")", name: "quoteOut[\(choice.id.uuidString.lowercased())]",
                                       checked: choice.leftOut, id: "pu-quote-\(choice.id.uuidString.lowercased())")
                    }
                }
            }
            if !update.photoChoices.isEmpty {
                H.el("fieldset") {
                    H.text("legend", [], text("publicUpdate.photos"))
                    for choice in update.photoChoices {
                        Forms.checkbox(label: text("publicUpdate.leaveOut", choice.label) + " (" + choice.place + ")", name: "photoOut[\(choice.id.uuidString.lowercased())]",
                                       checked: choice.leftOut, id: "pu-photo-\(choice.id.uuidString.lowercased())")
                    }
                }
            }
            Forms.submit(text("publicUpdate.save"))
        }
    }

    /// One person: how they appear and what they agreed to, and how the update shows them.
    static func person(_ mention: PublicationCheck.Mention, errors: Forms.Errors, text: Localizer) -> Component {
        let key = mention.person.uuidString.lowercased()
        let uses = [PublicationCheck.Use.named, .quoted, .shown].compactMap { use in
            mention.uses[use].map { text("publicUpdate.use.\(use.rawValue)") + ": " + text("answer.\($0.rawValue)") }
        }
        return H.el("fieldset", [("id", "pu-person-\(key)"), ("class", "publication-person")]) {
            H.el("legend") { H.link(mention.name, to: .record(.person, mention.person)) }
            H.text("p", [("class", "help")], text("publicUpdate.uses") + " — " + uses.joined(separator: " · "))
            Forms.select(label: text("publicUpdate.treatment"), name: "person[\(key)]",
                         options: PublicationCheck.Treatment.allCases.map { ($0.rawValue, text("publicUpdate.treatment.\($0.rawValue)")) },
                         selected: mention.decision.treatment.rawValue, id: "pu-treatment-\(key)")
            Forms.field(label: text("publicUpdate.label"), name: "label[\(key)]", value: mention.decision.label ?? "",
                        error: errors["people.\(key).label"], id: "pu-people.\(key).label")
        }
    }
}
