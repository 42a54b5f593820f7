import Domain
import FluentKit
import Foundation

/// One dated assessment of a person or an organisation (exactly one of the two): influence and interest
/// on 1–5 and their stance. Assessments are never edited — a new one is added — so the rows are the history.
public final class StakeholderAssessmentModel: Model, @unchecked Sendable {
    public static let schema = "stakeholder_assessments"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "person_id") public var personID: UUID?
    @OptionalField(key: "organization_id") public var organizationID: UUID?
    @Field(key: "assessed_on") public var assessedOn: Day
    @Field(key: "influence") public var influence: Int
    @Field(key: "interest") public var interest: Int
    @Field(key: "stance") public var stance: StakeholderStance
    @OptionalField(key: "notes") public var notes: String?
    /// Who assessed (the audit label of the user).
    @Field(key: "assessed_by") public var assessedBy: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?

    /// Listed by hand (see `ModelPropertiesTests`).
    public var properties: [any AnyProperty] {
        [$id, $personID, $organizationID, $assessedOn, $influence, $interest, $stance, $notes, $assessedBy, $createdAt, $deletedAt]
    }

    public init() {}
}
