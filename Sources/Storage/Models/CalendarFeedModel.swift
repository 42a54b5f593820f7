import FluentKit
import Foundation

/// A user's personal calendar feed: its secret address is the credential, so only the secret's hash is
/// stored. One per user; replacing it changes the hash, revoking it removes the row.
public final class CalendarFeedModel: Model, @unchecked Sendable {
    public static let schema = "calendar_feeds"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "secret_hash") public var secretHash: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $userID, $secretHash, $createdAt, $lastUsedAt] }

    public init() {}

    public init(userID: UUID, secretHash: String, now: Date) {
        self.id = UUID()
        self.userID = userID
        self.secretHash = secretHash
        self.createdAt = now
    }
}
