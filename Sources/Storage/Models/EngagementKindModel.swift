import FluentKit
import Foundation

/// A kind of engagement an administrator added beside the built-in ones (meeting, open forum, …).
public final class EngagementKindModel: Model, @unchecked Sendable {
    public static let schema = "engagement_kinds"

    @ID(key: .id) public var id: UUID?
    /// Stored on engagements and used in the API: lower case, digits and underscores.
    @Field(key: "key") public var key: String
    @Field(key: "label") public var label: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}
