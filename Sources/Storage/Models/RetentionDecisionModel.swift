import FluentKit
import Foundation

/// A decision to keep a person who was past the retention period, with the reason: it holds for one more
/// period from the moment it was made, then the person is listed for review again. Never changed; erasing
/// the person removes their decisions with them.
public final class RetentionDecisionModel: Model, @unchecked Sendable {
    public static let schema = "retention_decisions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "person_id") public var personID: UUID
    /// Why they are kept (a running project, a request of theirs, a legal hold …), as the coordinator wrote it.
    @Field(key: "reason") public var reason: String
    @Field(key: "decided_at") public var decidedAt: Date
    /// Who decided, as the audit trail names actors (an email, or "cli").
    @Field(key: "decided_by") public var decidedBy: String

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes.
    /// `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $personID, $reason, $decidedAt, $decidedBy] }

    public init() {}

    public init(personID: UUID, reason: String, decidedAt: Date, decidedBy: String) {
        self.id = UUID()
        self.personID = personID
        self.reason = reason
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
    }
}
