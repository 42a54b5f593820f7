import Domain
import Features
import Markup

extension PersonFormPage: RecordFormPage {
    static let form = RecordForm(.person, keys: "people", edit: "record.edit", novalidate: true)

    static func fields(_ values: Values, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component {
        let notSet = text("people.notSet")
        Forms.field(label: text("people.name"), name: "name", value: values.name, error: errors["name"], required: true,
                    autocomplete: "off")
        Forms.textarea(label: text("people.otherNames"), name: "otherNames", value: values.otherNames,
                       error: errors["otherNames"], help: text("people.otherNames.help"))
        Forms.field(label: text("people.honorific"), name: "honorific", value: values.honorific,
                    error: errors["honorific"], autocomplete: "off")
        Forms.select(label: text("people.gender"), name: "gender",
                     options: Forms.options(Gender.self, prefix: "gender", text: text, empty: notSet),
                     selected: values.gender, error: errors["gender"])
        Forms.select(label: text("people.community"), name: "communityID",
                     options: Forms.refOptions(model.communities, empty: notSet), selected: values.communityID,
                     error: errors["communityID"])
        Forms.select(label: text("people.place"), name: "placeID",
                     options: Forms.refOptions(model.places, empty: notSet),
                     selected: values.placeID, error: errors["placeID"])
        Forms.field(label: text("people.languages"), name: "languages", value: values.languages,
                    error: errors["languages"], help: text("people.languages.help"), autocomplete: "off")
        Forms.textarea(label: text("people.emails"), name: "emails", value: values.emails, error: errors["emails"],
                       help: text("people.contacts.help"), rows: 2)
        Forms.textarea(label: text("people.phones"), name: "phones", value: values.phones, error: errors["phones"],
                       help: text("people.contacts.help"), rows: 2)
        Forms.textarea(label: text("people.notes"), name: "notes", value: values.notes, error: errors["notes"], rows: 4)
        if model.canWriteRestricted {
            Forms.select(label: text("people.sensitivity"), name: "sensitivity",
                         options: Forms.options(Sensitivity.self, prefix: "sensitivity", text: text),
                         selected: values.sensitivity, error: errors["sensitivity"],
                         help: text("sensitivity.restricted.help"))
        } else {
            Forms.hidden("sensitivity", values.sensitivity)
        }
        dataProtection(values, errors: errors, text: text)
    }

    /// The lawful basis and each consent, with when and how it was given.
    static func dataProtection(_ values: Values, errors: Forms.Errors, text: Localizer) -> Component {
        H.el("fieldset") {
            H.el("legend") { Text(text("people.dataProtection")) }
            H.text("p", [("class", "help")], text("people.dataProtection.help"))
            Forms.select(label: text("people.basis"), name: "lawfulBasis",
                         options: Forms.options(LawfulBasis.self, prefix: "basis",
                                                text: text), selected: values.lawfulBasis,
                         error: errors["lawfulBasis"])
            for use in ConsentUse.allCases {
                Forms.select(label: text("consent.\(use.rawValue)"), name: "consent_\(use.rawValue)",
                             options: Forms.options(ConsentAnswer.self, prefix: "answer", text: text),
                             selected: values.consent[use.rawValue] ?? ConsentAnswer.unknown.rawValue,
                             error: errors["consent.\(use.rawValue)"])
            }
            Forms.field(label: text("people.obtainedOn"), name: "consentObtainedOn", type: "date",
                        value: values.obtainedOn,
                        error: errors["consentObtainedOn"])
            Forms.field(label: text("people.method"), name: "consentMethod", value: values.method,
                        error: errors["consentMethod"], help: text("people.method.help"))
        }
    }

    /// The other version's facts, beside the form when someone else saved first.
    static func facts(_ person: PersonRecord, text: Localizer) -> Component {
        Facts.list([
            (text("people.name"), Text(person.name)),
            (text("people.otherNames"), Facts.lines(person.otherNames)),
            (text("people.honorific"), Facts.plain(person.honorific)),
            (text("people.community"), Facts.plain(person.community?.name)),
            (text("people.emails"), Facts.lines(person.emails)),
            (text("people.phones"), Facts.lines(person.phones)),
            (text("people.notes"), Facts.plain(person.notes)),
            (text("people.sensitivity"), Text(text("sensitivity.\(person.sensitivity)"))),
        ], text: text)
    }

    static func theirs(_ record: PersonRecord, text: Localizer) -> Component? { facts(record, text: text) }
}
