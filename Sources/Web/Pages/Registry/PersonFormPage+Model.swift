import Domain
import Features

/// Adding or editing a person. Errors appear next to their fields; a stale save shows both versions.
enum PersonFormPage {
    struct Values: FormVersion, RecordFormValues {
        var name = "", otherNames = "", honorific = "", gender = "", communityID = "", placeID = ""
        var languages = "", emails = "", phones = "", notes = ""
        var sensitivity = Sensitivity.normal.rawValue
        var lawfulBasis = LawfulBasis.unknown.rawValue
        var consent: [String: String] = [:]
        var obtainedOn = "", method = "", version = ""

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

    struct Model: RecordFormModel {
        var existing: PersonRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: PersonRecord?
        var communities: [RecordRef], places: [RecordRef]
        var canWriteRestricted: Bool
    }
}
