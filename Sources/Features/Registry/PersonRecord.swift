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
    /// The fields left out because they are sensitive and the reader may not see them (`FieldAccess`).
    public var hiddenFields: [String] = []

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
    /// The place they live or work, in the reader's language.
    public var place: String?
    public var sensitivity: String
    /// The day of the last engagement with them the reader may see, up to today.
    public var lastContact: Day?
    /// Titles held now ("Mayor of Mitrovica South · Municipality of Mitrovica South").
    public var currentRoles: [String]
    public var deleted: Bool
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
    /// The person as seen by the reader, while they are live (a deleted one, shown to those who may restore
    /// them, has no engagements, agreements or groups on their page).
    public var seen: SeenPerson?
}
