import FluentKit
import Foundation

/// A signed-in browser. Stored in the database so that several server processes share sessions.
/// Only a hash of the cookie's secret is kept: a stolen database does not give working sessions.
public final class UserSessionModel: Model, @unchecked Sendable {
    public static let schema = "user_sessions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Parent(key: "user_id") public var user: UserModel
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "last_seen_at") public var lastSeenAt: Date

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $tokenHash, $user, $createdAt, $lastSeenAt] }

    public init() {}

    public init(tokenHash: String, userID: UUID, now: Date) {
        self.id = UUID()
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.createdAt = now
        self.lastSeenAt = now
    }
}
