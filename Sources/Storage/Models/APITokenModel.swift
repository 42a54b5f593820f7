import FluentKit
import Foundation

/// A bearer token for the API. The secret is shown once at creation; only its hash is stored.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "label") public var label: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $user, $label, $tokenHash, $createdAt, $lastUsedAt, $revokedAt] }

    public init() {}

    public init(userID: UUID, label: String, tokenHash: String, now: Date) {
        self.id = UUID()
        self.$user.id = userID
        self.label = label
        self.tokenHash = tokenHash
        self.createdAt = now
    }

    public var isRevoked: Bool { revokedAt != nil }
}
