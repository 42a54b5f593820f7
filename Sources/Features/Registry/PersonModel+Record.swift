import Domain
import Foundation
import Storage

/// A person's row as pages read it, its consent answers by use, and what its history compares.
extension PersonModel {
    func record(community: RecordRef?, place: RecordRef?) -> PersonRecord {
        PersonRecord(
            id: id!, name: name, otherNames: JSONList.decode(otherNamesJSON), honorific: honorific, gender: gender?.rawValue,
            community: community, place: place, languages: JSONList.decode(languagesJSON), emails: JSONList.decode(emailsJSON),
            phones: JSONList.decode(phonesJSON), notes: notes, sensitivity: sensitivity.rawValue, lawfulBasis: lawfulBasis.rawValue,
            consent: Dictionary(uniqueKeysWithValues: ConsentUse.allCases.map { ($0.rawValue, consentAnswer($0).rawValue) }),
            createdAt: createdAt, updatedAt: updatedAt, deletedAt: deletedAt, version: version
        )
    }

    func consentAnswer(_ use: ConsentUse) -> ConsentAnswer {
        switch use {
        case .stored: return consentStored
        case .namedPublicly: return consentNamed
        case .quoted: return consentQuoted
        case .photographed: return consentPhotographed
        }
    }

    func setConsent(_ use: ConsentUse, _ answer: ConsentAnswer) {
        switch use {
        case .stored: consentStored = answer
        case .namedPublicly: consentNamed = answer
        case .quoted: consentQuoted = answer
        case .photographed: consentPhotographed = answer
        }
    }

    /// What the audit trail compares. Notes are personal: the trail says they changed, not what they say.
    var auditFields: [(String, String?)] {
        Self.auditFields(name: name, otherNames: JSONList.decode(otherNamesJSON), honorific: honorific, gender: gender?.rawValue,
                         community: $community.id, place: $place.id, languages: JSONList.decode(languagesJSON),
                         emails: JSONList.decode(emailsJSON), phones: JSONList.decode(phonesJSON), notes: notes, sensitivity: sensitivity.rawValue,
                         lawfulBasis: lawfulBasis.rawValue, consent: ConsentUse.allCases.map { consentAnswer($0).rawValue }, deleted: deletedAt != nil)
    }

    /// The same from plain values as stored (an import prepares 100,000 people without models); `consent` in `ConsentUse` order.
    static func auditFields(name: String, otherNames: [String], honorific: String?, gender: String?, community: UUID?, place: UUID?,
                            languages: [String], emails: [String], phones: [String], notes: String?, sensitivity: String,
                            lawfulBasis: String, consent: [String], deleted: Bool) -> [(String, String?)] {
        [
            ("name", name), ("otherNames", otherNames.joined(separator: "; ")), ("honorific", honorific),
            ("gender", gender), ("community", community?.uuidString), ("place", place?.uuidString),
            ("languages", languages.joined(separator: ", ")),
            ("emails", emails.joined(separator: ", ")), ("phones", phones.joined(separator: ", ")),
            ("notes", notes == nil ? nil : "(\(notes!.count) characters)"), ("sensitivity", sensitivity), ("lawfulBasis", lawfulBasis),
            ("consent.stored", consent[0]), ("consent.named_publicly", consent[1]), ("consent.quoted", consent[2]),
            ("consent.photographed", consent[3]), ("deleted", deleted ? "yes" : nil),
        ]
    }
}
