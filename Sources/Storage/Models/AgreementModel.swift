import Domain
import FluentKit
import Foundation

/// An agreement: partnership, memorandum of understanding, letter of intent, grant (`Domain.AgreementKind`).
public final class AgreementModel: Model, @unchecked Sendable {
    public static let schema = "agreements"

    @ID(key: .id) public var id: UUID?
    @Field(key: "kind") public var kind: AgreementKind
    @Field(key: "title") public var title: String
    @OptionalField(key: "focus") public var focus: String?
    /// A JSON list of strings.
    @Field(key: "topics") public var topics: String
    @OptionalField(key: "signed_on") public var signedOn: Day?
    @OptionalField(key: "valid_until") public var validUntil: Day?
    @Field(key: "status") public var status: AgreementStatus
    @Field(key: "confidentiality") public var confidentiality: Confidentiality
    @OptionalField(key: "notes") public var notes: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] {
        [$id, $kind, $title, $focus, $topics, $signedOn, $validUntil, $status, $confidentiality, $notes, $createdAt, $updatedAt, $deletedAt, $version]
    }

    public init() {}
}

/// An organisation or a person party to an agreement, with their part.
public final class AgreementPartyModel: Model, @unchecked Sendable {
    public static let schema = "agreement_parties"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @OptionalField(key: "organization_id") public var organizationID: UUID?
    @OptionalField(key: "person_id") public var personID: UUID?
    @Field(key: "part") public var part: PartyPart

    /// Listed by hand (see `AgreementModel.properties`).
    public var properties: [any AnyProperty] { [$id, $agreementID, $organizationID, $personID, $part] }

    public init() {}

    public init(agreementID: UUID, organizationID: UUID?, personID: UUID?, part: PartyPart) {
        self.id = UUID()
        self.agreementID = agreementID
        self.organizationID = organizationID
        self.personID = personID
        self.part = part
    }
}

/// One step of an agreement's status, with the day it took effect. Append-only.
public final class AgreementStatusChangeModel: StatusStepModel, @unchecked Sendable {
    public static let schema = "agreement_status_changes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "status") public var status: AgreementStatus
    @Field(key: "effective_on") public var effectiveOn: Day
    @Field(key: "recorded_at") public var recordedAt: Date

    /// Listed by hand (see `AgreementModel.properties`).
    public var properties: [any AnyProperty] { [$id, $agreementID, $status, $effectiveOn, $recordedAt] }

    public init() {}

    public static var owner: Owner { \.$agreementID }
}

/// An engagement where an agreement was discussed or signed.
public final class AgreementEngagementModel: Model, @unchecked Sendable {
    public static let schema = "agreement_engagements"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "engagement_id") public var engagementID: UUID
    @Field(key: "link") public var link: AgreementEngagementLink

    /// Listed by hand (see `AgreementModel.properties`).
    public var properties: [any AnyProperty] { [$id, $agreementID, $engagementID, $link] }

    public init() {}

    public init(agreementID: UUID, engagementID: UUID, link: AgreementEngagementLink) {
        self.id = UUID()
        self.agreementID = agreementID
        self.engagementID = engagementID
        self.link = link
    }
}
