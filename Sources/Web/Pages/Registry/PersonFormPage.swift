import Domain
import Features
import Markup

/// Adding or editing a person. Errors appear next to their fields; a stale save shows both versions.
enum PersonFormPage {
    struct Values: FormVersion {
        var name = ""
        var otherNames = ""
        var honorific = ""
        var gender = ""
        var communityID = ""
        var placeID = ""
        var languages = ""
        var emails = ""
        var phones = ""
        var notes = ""
        var sensitivity = Sensitivity.normal.rawValue
        var lawfulBasis = LawfulBasis.unknown.rawValue
        var consent: [String: String] = [:]
        var obtainedOn = ""
        var method = ""
        var version = ""

        init() {}

        init(_ person: PersonRecord) {
            name = person.name
            otherNames = person.otherNames.joined(separator: "\n")
            honorific = person.honorific ?? ""
            gender = person.gender ?? ""
            communityID = person.community?.id.uuidString.lowercased() ?? ""
            placeID = person.place?.id.uuidString.lowercased() ?? ""
            languages = person.languages.joined(separator: ", ")
            emails = person.emails.joined(separator: "\n")
            phones = person.phones.joined(separator: "\n")
            notes = person.notes ?? ""
            sensitivity = person.sensitivity
            lawfulBasis = person.lawfulBasis
            consent = person.consent
            version = String(person.version)
        }
    }

    struct Model: Sendable {
        var existing: PersonRecord?
        var values = Values()
        var errors = Forms.Errors()
        var conflict: PersonRecord?
        var communities: [RecordRef]
        var places: [RecordRef]
        var canWriteRestricted: Bool
    }

    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values
        let errors = model.errors
        let title = model.existing.map { text("record.edit") + ": " + $0.name } ?? text("people.new")
        return Layout.page(title: title, chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) {
                if let existing = model.existing { H.link(existing.name, to: .record(.person, existing.id)) } else { H.link(text("people.title"), to: .list(.person)) }
            }
            H.el("h1") { Text(title) }
            if let theirs = model.conflict {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(text("record.conflict"))
                    H.text("h2", [], text("record.theirs"))
                    RegistryViews.facts([
                        (text("people.name"), Text(theirs.name)),
                        (text("people.otherNames"), RegistryViews.lines(theirs.otherNames)),
                        (text("people.honorific"), RegistryViews.plain(theirs.honorific)),
                        (text("people.community"), RegistryViews.plain(theirs.community?.name)),
                        (text("people.emails"), RegistryViews.lines(theirs.emails)),
                        (text("people.phones"), RegistryViews.lines(theirs.phones)),
                        (text("people.notes"), RegistryViews.plain(theirs.notes)),
                        (text("people.sensitivity"), Text(text("sensitivity.\(theirs.sensitivity)"))),
                    ], text: text)
                }
            } else {
                Forms.errorSummary(errors, text: text)
            }
            H.el("form", [("method", "post"), ("action", (model.existing.map { SiteURL.record(.person, $0.id) } ?? .list(.person)).path), ("novalidate", "")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.hidden("version", values.version)
                Forms.field(label: text("people.name"), name: "name", value: values.name, error: errors["name"], required: true, autocomplete: "off")
                RegistryViews.textarea(label: text("people.otherNames"), name: "otherNames", value: values.otherNames, error: errors["otherNames"], help: text("people.otherNames.help"))
                Forms.field(label: text("people.honorific"), name: "honorific", value: values.honorific, error: errors["honorific"], autocomplete: "off")
                Forms.select(label: text("people.gender"), name: "gender", options: RegistryViews.options(Gender.self, prefix: "gender", text: text, empty: text("people.notSet")),
                             selected: values.gender, error: errors["gender"])
                Forms.select(label: text("people.community"), name: "communityID", options: RegistryViews.refOptions(model.communities, empty: text("people.notSet")),
                             selected: values.communityID, error: errors["communityID"])
                Forms.select(label: text("people.place"), name: "placeID", options: RegistryViews.refOptions(model.places, empty: text("people.notSet")),
                             selected: values.placeID, error: errors["placeID"])
                Forms.field(label: text("people.languages"), name: "languages", value: values.languages, error: errors["languages"], help: text("people.languages.help"), autocomplete: "off")
                RegistryViews.textarea(label: text("people.emails"), name: "emails", value: values.emails, error: errors["emails"], help: text("people.contacts.help"), rows: 2)
                RegistryViews.textarea(label: text("people.phones"), name: "phones", value: values.phones, error: errors["phones"], help: text("people.contacts.help"), rows: 2)
                RegistryViews.textarea(label: text("people.notes"), name: "notes", value: values.notes, error: errors["notes"], rows: 4)
                if model.canWriteRestricted {
                    Forms.select(label: text("people.sensitivity"), name: "sensitivity", options: RegistryViews.options(Sensitivity.self, prefix: "sensitivity", text: text),
                                 selected: values.sensitivity, error: errors["sensitivity"], help: text("sensitivity.restricted.help"))
                } else {
                    Forms.hidden("sensitivity", values.sensitivity)
                }
                H.el("fieldset") {
                    H.el("legend") { Text(text("people.dataProtection")) }
                    H.text("p", [("class", "help")], text("people.dataProtection.help"))
                    Forms.select(label: text("people.basis"), name: "lawfulBasis", options: RegistryViews.options(LawfulBasis.self, prefix: "basis", text: text),
                                 selected: values.lawfulBasis, error: errors["lawfulBasis"])
                    for use in ConsentUse.allCases {
                        Forms.select(label: text("consent.\(use.rawValue)"), name: "consent_\(use.rawValue)",
                                     options: RegistryViews.options(ConsentAnswer.self, prefix: "answer", text: text),
                                     selected: values.consent[use.rawValue] ?? ConsentAnswer.unknown.rawValue, error: errors["consent.\(use.rawValue)"])
                    }
                    Forms.field(label: text("people.obtainedOn"), name: "consentObtainedOn", type: "date", value: values.obtainedOn, error: errors["consentObtainedOn"])
                    Forms.field(label: text("people.method"), name: "consentMethod", value: values.method, error: errors["consentMethod"], help: text("people.method.help"))
                }
                Forms.submit(text("record.save"))
            }
        }
    }
}
