import Domain
import Foundation

public struct AgreementPartyInput: Sendable, Equatable, Codable {
    public var organizationID: UUID?
    public var personID: UUID?
    public var part: String

    public init(organizationID: UUID? = nil, personID: UUID? = nil, part: String) {
        self.organizationID = organizationID
        self.personID = personID
        self.part = part
    }
}

public struct AgreementInput: Sendable, Equatable {
    public var kind: String
    public var title: String
    public var focus: String?
    public var topics: [String] = []
    public var signedOn: String?
    public var validUntil: String?
    public var status: String = AgreementStatus.draft.rawValue
    /// The day the status took effect when it changes (today when left out).
    public var statusOn: String?
    public var confidentiality: String = Confidentiality.internal.rawValue
    public var notes: String?
    public var parties: [AgreementPartyInput] = []

    public init(kind: String, title: String) {
        self.kind = kind
        self.title = title
    }
}
