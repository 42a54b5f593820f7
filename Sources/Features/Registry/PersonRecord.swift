import Domain
import Foundation
import Storage

/// A person as pages and the API show them.
public struct PersonRecord: RecordValue, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var otherNames: [String]
    public var honorific: String?
    public var gender: String?
    public var community: RecordRef?
    public var place: RecordRef?
    public var languages: [String]
    public var emails: [String]
    public var phones: [String]
    public var notes: String?
    public var sensitivity: String
    public var lawfulBasis: String
    public var consent: [String: String]
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int

    public var isRestricted: Bool { sensitivity == Sensitivity.restricted.rawValue }
    public var isDeleted: Bool { deletedAt != nil }
    public var label: String { name }

    public func answer(_ use: ConsentUse) -> ConsentAnswer {
        consent[use.rawValue].flatMap(ConsentAnswer.init(rawValue:)) ?? .unknown
    }
}

/// One line of the people list.
public struct PersonRow: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var honorific: String?
    public var community: String?
    public var sensitivity: String
    /// Titles held now ("Mayor of Mitrovica South · Municipality of Mitrovica South").
    public var currentRoles: [String]
    public var deleted: Bool
}

/// A person's role, as their page and their organisation's page list it.
public struct PositionRecord: RecordValue, Equatable, Codable {
    public var id: UUID
    public var person: RecordRef
    public var organization: RecordRef
    public var title: String
    public var startsOn: String?
    public var endsOn: String?
    public var version: Int
    public var deletedAt: Date?

    public var label: String { "\(title) · \(organization.name)" }
    public var isDeleted: Bool { deletedAt != nil }
    public var span: DaySpan { DaySpan(from: startsOn.flatMap(Day.init), to: endsOn.flatMap(Day.init)) }

    public func isCurrent(on day: Day) -> Bool { span.contains(day) }
}

/// A statement in a person's consent history.
public struct ConsentEvent: Sendable, Equatable, Codable {
    public var subject: String
    public var value: String
    public var obtainedOn: String?
    public var method: String?
    public var recordedAt: Date
    public var recordedBy: String
}

/// Everything the person page shows.
public struct PersonPageData: Sendable {
    public var person: PersonRecord
    public var positions: [PositionRecord]
    public var consentHistory: [ConsentEvent]
}

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
