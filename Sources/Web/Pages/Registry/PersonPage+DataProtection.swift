import Domain
import Features
import Markup

extension PersonPage {
    /// The lawful basis and each consent now, and every change to them with when and how it was given.
    static func dataProtection(_ person: PersonRecord, history: [ConsentEvent], text: Localizer) -> Component {
        Section.view(id: "dp-heading", title: text("people.dataProtection")) {
            Facts.list(
                [(text("people.basis"), Text(text("basis.\(person.lawfulBasis)")))]
                    + ConsentUse.allCases.map {
                        (text("consent.\($0.rawValue)"), Text(text("answer.\(person.answer($0).rawValue)")))
                    }
                    + [(text("people.sensitivity"), Text(text("sensitivity.\(person.sensitivity)")))],
                text: text
            )
            if !history.isEmpty {
                H.el("h3") { Text(text("people.consentHistory")) }
                H.el("ul", [("class", "plain consent-history")]) { for event in history { consent(event, text: text) } }
            }
        }
    }

    static func consent(_ event: ConsentEvent, text: Localizer) -> Component {
        H.el("li") {
            Moment.view(event.recordedAt, text: text)
            Text(" · \(text("consent.\(event.subject)")): ")
            H.text("strong", [],
                   event.subject == "basis" ? text("basis.\(event.value)") : text("answer.\(event.value)"))
            if let on = event.obtainedOn { Text(" · \(text("people.obtainedOn")) \(text.day(iso: on))") }
            if let method = event.method { Text(" · \(method)") }
            Text(" · " + AuditTable.actorLabel(event.recordedBy, text: text))
        }
    }
}
