import Domain
import Foundation

/// What a form, the API or an import says about a person, checked the same way everywhere.
public struct PersonInput: Sendable, Equatable {
    public var name: String
    public var otherNames: [String] = []
    public var honorific: String?
    public var gender: String?
    public var communityID: UUID?
    public var placeID: UUID?
    public var languages: [String] = []
    public var emails: [String] = []
    public var phones: [String] = []
    public var notes: String?
    public var sensitivity: String = Sensitivity.normal.rawValue
    public var lawfulBasis: String = LawfulBasis.unknown.rawValue
    /// Raw answers (`yes`, `no`, `unknown`) per use; a use left out keeps its current answer.
    public var consent: [ConsentUse: String] = [:]
    /// When and how the basis or consents being changed were obtained; kept with their history.
    public var consentObtainedOn: String?
    public var consentMethod: String?

    public init(name: String) { self.name = name }

    struct Valid {
        var name: String
        var otherNames: [String]
        var honorific: String?
        var gender: Gender?
        var languages: [String]
        var emails: [String]
        var phones: [String]
        var notes: String?
        var sensitivity: Sensitivity
        var lawfulBasis: LawfulBasis
        var consent: [ConsentUse: ConsentAnswer]
        var obtainedOn: Day?
        var method: String?
    }

    func validated() throws(DomainError) -> Valid {
        var v = Validator()
        let name = v.text(self.name, "name", required: true, max: 300)
        let otherNames = v.list(self.otherNames, "otherNames")
        let honorific = v.text(self.honorific, "honorific", max: 50)
        let gender = v.choice(self.gender, Gender.self, "gender", required: false)
        let languages = v.list(self.languages, "languages", maxItems: 20, maxLength: 20, allowBlank: false)
        v.check(languages.allSatisfy(PlaceNames.isLanguageTag), "languages", "language.invalid")
        let emails = v.list(self.emails, "emails", maxItems: 10, maxLength: 254, allowBlank: false).map(EmailAddress.normalized)
        v.check(emails.allSatisfy(EmailAddress.isValid), "emails", "email.invalid")
        let phones = v.list(self.phones, "phones", maxItems: 10, maxLength: 40, allowBlank: false)
        v.check(phones.allSatisfy { $0.allSatisfy { $0.isNumber || " +-().".contains($0) } }, "phones", "phone.invalid")
        let notes = v.text(self.notes, "notes", max: 20_000)
        let sensitivity = v.choice(self.sensitivity, Sensitivity.self, "sensitivity") ?? .normal
        let basis = v.choice(self.lawfulBasis, LawfulBasis.self, "lawfulBasis") ?? .unknown
        var consent: [ConsentUse: ConsentAnswer] = [:]
        for (use, raw) in self.consent {
            if let answer = v.choice(raw, ConsentAnswer.self, "consent.\(use.rawValue)") { consent[use] = answer }
        }
        let obtainedOn = v.day(consentObtainedOn, "consentObtainedOn")
        let method = v.text(consentMethod, "consentMethod", max: 500)
        try v.throwIfInvalid()
        return Valid(
            name: name!, otherNames: otherNames, honorific: honorific, gender: gender, languages: languages,
            emails: emails, phones: phones, notes: notes, sensitivity: sensitivity, lawfulBasis: basis,
            consent: consent, obtainedOn: obtainedOn, method: method
        )
    }
}
