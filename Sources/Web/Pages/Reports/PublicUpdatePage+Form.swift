import Domain
import Features
import Markup

extension PublicUpdatePage {
    /// The author's words and choices: the headline, lead and closing, how each person is shown, and which
    /// quotes and photos are left out. It lands on the check, which is what a save changes.
    static func form(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let update = model.update, values = update.text, errors = model.errors
        let action = SiteURL.record(.visit, update.visit.id, .publicUpdate).path + "#check"
        return H.el("form", [("method", "post"), ("action", action), ("class", "record-form")]) {
            Forms.csrf(chrome.csrfToken)
            Forms.hidden("version", String(values.version))
            Forms.field(label: text("publicUpdate.headline"), name: "headline",
                        value: values.headline ?? update.visit.summary.title, error: errors["headline"],
                        id: "pu-headline")
            Forms.textarea(label: text("publicUpdate.lead"), name: "lead", value: values.lead ?? "",
                           error: errors["lead"],
                           help: text("publicUpdate.lead.help"), rows: 5, id: "pu-lead")
            Forms.textarea(label: text("publicUpdate.closing"), name: "closing", value: values.closing ?? "",
                           error: errors["closing"], rows: 3, id: "pu-closing")
            H.el("h2") { Text(text("publicUpdate.people")) }
            if update.check.mentions.isEmpty { Paragraph(text("publicUpdate.nobody")) }
            for mention in update.check.mentions { person(mention, errors: errors, text: text) }
            leaveOut(update.quoteChoices, legend: text("publicUpdate.quotes"), kind: "quote", text: text)
            leaveOut(update.photoChoices, legend: text("publicUpdate.photos"), kind: "photo", text: text)
            Forms.submit(text("publicUpdate.save"))
        }
    }

    /// A box a quote or photo each, ticked to leave it out (`quoteOut[id]`, `photoOut[id]`).
    static func leaveOut(_ choices: [PublicUpdate.Choice], legend: String, kind: String, text: Localizer) -> Component {
        if choices.isEmpty { return H.empty }
        return H.el("fieldset") {
            H.text("legend", [], legend)
            for choice in choices {
                let key = choice.id.uuidString.lowercased()
                Forms.checkbox(label: text("publicUpdate.leaveOut", choice.label) + " (" + choice.place + ")",
                               name: "\(kind)Out[\(key)]", checked: choice.leftOut, id: "pu-\(kind)-\(key)")
            }
        }
    }

    /// One person: how they appear and what they agreed to, and how the update shows them.
    static func person(_ mention: PublicationCheck.Mention, errors: Forms.Errors, text: Localizer) -> Component {
        let key = mention.person.uuidString.lowercased()
        let uses = [PublicationCheck.Use.named, .quoted, .shown].compactMap { use in
            mention.uses[use].map { text("publicUpdate.use.\(use.rawValue)") + ": " + text("answer.\($0.rawValue)") }
        }
        let treatments = Forms.options(PublicationCheck.Treatment.self, prefix: "publicUpdate.treatment", text: text)
        return H.el("fieldset", [("id", "pu-person-\(key)"), ("class", "publication-person")]) {
            H.el("legend") { H.link(mention.name, to: .record(.person, mention.person)) }
            H.text("p", [("class", "help")], text("publicUpdate.uses") + " — " + uses.joined(separator: " · "))
            Forms.select(label: text("publicUpdate.treatment"), name: "person[\(key)]", options: treatments,
                         selected: mention.decision.treatment.rawValue, id: "pu-treatment-\(key)")
            Forms.field(label: text("publicUpdate.label"), name: "label[\(key)]", value: mention.decision.label ?? "",
                        error: errors["people.\(key).label"], id: "pu-people.\(key).label")
        }
    }
}
