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

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $key, $label, $createdAt] }

    public init() {}
}
