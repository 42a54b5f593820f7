import Domain
import FluentKit
import Foundation
import Storage

extension People: RecordKind {
    public typealias Model = PersonModel

    public struct Valid {
        var checked: PersonInput.Valid
        var input: PersonInput
    }

    /// Restricted people are invisible, not merely forbidden, to roles that may not read them.
    public func isVisible(_ person: PersonModel, to actor: Actor, on db: any Database) async throws -> Bool {
        actor.canSee(person.sensitivity)
    }

    /// A person erased is gone, not merely not found: the erasure's own audit entry (identity only) says so,
    /// so a device or a client holding the old address learns to drop it rather than to look again.
    public func missing(_ id: UUID, on db: any Database) async throws -> DomainError {
        let erased = try await AuditEntryModel.query(on: db).filter(\.$recordID == id).filter(\.$action == .erase).first()
        return erased == nil ? .notFound(Self.recordType) : .gone(Self.recordType)
    }

    /// Only roles that may write restricted records change (or make) a restricted person.
    public func requireWritable(_ person: PersonModel, by actor: Actor) throws {
        try requireWrite(person.sensitivity, by: actor)
    }

    func requireWrite(_ sensitivity: Sensitivity, by actor: Actor) throws {
        if sensitivity == .restricted, !actor.can(.writeRestricted) {
            throw DomainError.invalid(field: "sensitivity", "sensitivity.notAllowed")
        }
    }

    public func makeModel() -> PersonModel {
        let person = PersonModel()
        for use in ConsentUse.allCases { person.setConsent(use, .unknown) }
        person.lawfulBasis = .unknown
        return person
    }

    public func validate(_ input: PersonInput, existing: PersonModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        let checked = try input.validated()
        try await checkReferences(input, on: db, by: actor)
        return Valid(checked: checked, input: input)
    }

    public func auditFields(_ person: PersonModel, on db: any Database) async throws -> [(String, String?)] { person.auditFields }

    func nameEntry(_ person: PersonModel, otherNames: [String]) -> NameIndex.Entry {
        NameIndex.Entry(recordType: Self.recordType, id: person.id!, names: [person.name] + otherNames, sortName: person.sortName,
                        visibility: person.nameVisibility, communityID: person.$community.id)
    }

    func checkReferences(_ input: PersonInput, on db: any Database, by actor: Actor) async throws {
        var v = Validator()
        if let id = input.communityID {
            let exists = try await CommunityModel.query(on: db).filter(\.$id == id).filter(\.$deletedAt == nil).count() > 0
            v.check(exists, "communityID", "reference.unknown")
        }
        if let id = input.placeID {
            let exists = try await PlaceModel.query(on: db).filter(\.$id == id).filter(\.$deletedAt == nil).count() > 0
            v.check(exists, "placeID", "reference.unknown")
        }
        try v.throwIfInvalid()
    }

    /// Copies the input onto the model; returns the basis and consent statements that changed.
    public func apply(_ checked: Valid, to person: PersonModel, now: Date) -> [(String, String)] {
        let valid = checked.checked, input = checked.input
        person.setNames(valid.name, others: valid.otherNames)
        person.honorific = valid.honorific
        person.gender = valid.gender
        person.$community.id = input.communityID
        person.$place.id = input.placeID
        person.languagesJSON = JSONList.encode(valid.languages)
        person.emailsJSON = JSONList.encode(valid.emails)
        person.phonesJSON = JSONList.encode(valid.phones)
        person.notes = valid.notes
        person.sensitivity = valid.sensitivity
        var events: [(String, String)] = []
        if person.lawfulBasis != valid.lawfulBasis {
            person.lawfulBasis = valid.lawfulBasis
            events.append(("basis", valid.lawfulBasis.rawValue))
        }
        for use in ConsentUse.allCases {
            guard let answer = valid.consent[use], answer != person.consentAnswer(use) else { continue }
            person.setConsent(use, answer)
            events.append((use.rawValue, answer.rawValue))
        }
        return events
    }

    /// The changed basis and consent statements join the person's history, and their names the name index.
    public func writeParts(_ checked: Valid, _ events: [(String, String)], of person: PersonModel, by actor: Actor, now: Date,
                           on db: any Database) async throws {
        let valid = checked.checked
        try await NameIndex.replace(nameEntry(person, otherNames: valid.otherNames), on: db)
        for (subject, value) in events {
            try await ConsentEventModel(
                personID: person.id!, subject: subject, value: value, obtainedOn: valid.obtainedOn, method: valid.method,
                recordedAt: now, recordedBy: actor.label
            ).create(on: db)
        }
    }
}
