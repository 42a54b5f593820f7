import Domain
import FluentKit
import Foundation

/// Someone in the record: named exactly as written, with the data-protection facts that decide what
/// Roundtable may do with their name, words and image.
public final class PersonModel: Model, @unchecked Sendable {
    public static let schema = "people"

    @ID(key: .id) public var id: UUID?
    /// As written, NFC-normalised; never folded for display.
    @Field(key: "name") public var name: String
    /// The folded name, for sorting and exact comparisons.
    @Field(key: "sort_name") public var sortName: String
    /// JSON array of other spellings and transliterations.
    @Field(key: "other_names") public var otherNamesJSON: String
    @OptionalField(key: "honorific") public var honorific: String?
    @OptionalField(key: "gender") public var gender: Gender?
    @OptionalParent(key: "community_id") public var community: CommunityModel?
    @OptionalParent(key: "place_id") public var place: PlaceModel?
    @Field(key: "languages") public var languagesJSON: String
    @Field(key: "emails") public var emailsJSON: String
    @Field(key: "phones") public var phonesJSON: String
    @OptionalField(key: "notes") public var notes: String?
    @Field(key: "sensitivity") public var sensitivity: Sensitivity
    @Field(key: "lawful_basis") public var lawfulBasis: LawfulBasis
    @Field(key: "consent_stored") public var consentStored: ConsentAnswer
    @Field(key: "consent_named") public var consentNamed: ConsentAnswer
    @Field(key: "consent_quoted") public var consentQuoted: ConsentAnswer
    @Field(key: "consent_photographed") public var consentPhotographed: ConsentAnswer
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $name, $sortName, $otherNamesJSON, $honorific, $gender, $community, $place, $languagesJSON, $emailsJSON, $phonesJSON, $notes, $sensitivity, $lawfulBasis, $consentStored, $consentNamed, $consentQuoted, $consentPhotographed, $createdAt, $updatedAt, $deletedAt, $version] }

    public init() {}
}

/// One statement about a person's lawful basis or consent, as given at a date and in a way. Never
/// changed: the current state is the latest statement per subject, and the rest is its history.
public final class ConsentEventModel: Model, @unchecked Sendable {
    public static let schema = "person_consent_events"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: PersonModel
    /// `basis`, or a consent use (`stored`, `named_publicly`, `quoted`, `photographed`); the value is a `LawfulBasis` or a
    /// `ConsentAnswer` accordingly. Text, because one column holds words of two vocabularies.
    @Field(key: "subject") public var subject: String
    @Field(key: "value") public var value: String
    @OptionalField(key: "obtained_on") public var obtainedOn: Day?
    @OptionalField(key: "method") public var method: String?
    @Field(key: "recorded_at") public var recordedAt: Date
    @Field(key: "recorded_by") public var recordedBy: String

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $person, $subject, $value, $obtainedOn, $method, $recordedAt, $recordedBy] }

    public init() {}

    public init(personID: UUID, subject: String, value: String, obtainedOn: Day?, method: String?, recordedAt: Date, recordedBy: String) {
        self.id = UUID()
        self.$person.id = personID
        self.subject = subject
        self.value = value
        self.obtainedOn = obtainedOn
        self.method = method
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
