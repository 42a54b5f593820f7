import Domain
import FluentKit
import Foundation
import Storage

/// People as the publication check sees them: name, other spellings, restriction and their answers to
/// being named, quoted and photographed. Read without the reader's role, for the check only — what the
/// reader is shown still comes through the use cases.
enum PublicationSubjects {
    static func load(_ ids: Set<UUID>, on database: any Database) async throws -> [UUID: PublicationCheck.Subject] {
        guard !ids.isEmpty else { return [:] }
        let people = try await PersonModel.query(on: database).filter(\.$id ~~ Array(ids)).filter(\.$deletedAt == .null).all()
        return Dictionary(uniqueKeysWithValues: people.map { person in
            (person.id!, PublicationCheck.Subject(id: person.id!, name: person.name, otherNames: JSONList.decode(person.otherNamesJSON),
                                                  restricted: person.sensitivity == .restricted, named: person.consentNamed,
                                                  quoted: person.consentQuoted, photographed: person.consentPhotographed))
        })
    }
}
