import FluentKit
import Foundation

/// What the author writes into a visit's report around what the record says: an introduction, the
/// conclusions, the next steps. One row a visit; its changes are in the visit's history.
public final class VisitReportNarrativeModel: Model, @unchecked Sendable {
    public static let schema = "visit_report_narratives"

    @ID(key: .id) public var id: UUID?
    @Field(key: "visit_id") public var visitID: UUID
    @OptionalField(key: "introduction") public var introduction: String?
    @OptionalField(key: "conclusions") public var conclusions: String?
    @OptionalField(key: "next_steps") public var nextSteps: String?
    @Field(key: "updated_at") public var updatedAt: Date
    @Field(key: "version") public var version: Int

    /// Listed by hand (see `ModelPropertiesTests`).
    public var properties: [any AnyProperty] { [$id, $visitID, $introduction, $conclusions, $nextSteps, $updatedAt, $version] }

    public init() {}
}
