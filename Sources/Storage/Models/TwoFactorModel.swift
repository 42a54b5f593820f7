import FluentKit
import Foundation

/// A user's authenticator secret and whether two-factor sign-in is on.
///
/// The secret is stored as it is (base32): the server must compute the same codes as the app, so it cannot
/// keep only a hash. It is as sensitive as the password hash — whoever reads it can make valid codes —
/// and is never shown again after set-up, logged, exported, or put in the audit trail.
public final class TwoFactorModel: Model, @unchecked Sendable {
    public static let schema = "two_factor"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    /// RFC 4648 base32, 20 random bytes.
    @Field(key: "secret") public var secret: String
    /// Nil while being set up: the secret is only used once a code from it has been typed back.
    @OptionalField(key: "enabled_at") public var enabledAt: Date?
    /// The time step of the last code accepted; a code of that step or an earlier one is refused.
    @OptionalField(key: "last_step") public var lastStep: Int64?
    /// Mixed into each recovery code's hash.
    @Field(key: "salt") public var salt: String
    @Field(key: "created_at") public var createdAt: Date

    public var properties: [any AnyProperty] { [$id, $userID, $secret, $enabledAt, $lastStep, $salt, $createdAt] }

    public init() {}

    public init(userID: UUID, secret: String, salt: String, now: Date) {
        self.id = UUID()
        self.userID = userID
        self.secret = secret
        self.salt = salt
        self.createdAt = now
    }

    public var isEnabled: Bool { enabledAt != nil }
}

/// One of the ten single-use recovery codes: only its salted SHA-256 is kept.
public final class RecoveryCodeModel: Model, @unchecked Sendable {
    public static let schema = "recovery_codes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "code_hash") public var codeHash: String
    @OptionalField(key: "used_at") public var usedAt: Date?

    public var properties: [any AnyProperty] { [$id, $userID, $codeHash, $usedAt] }

    public init() {}

    public init(userID: UUID, codeHash: String) {
        self.id = UUID()
        self.userID = userID
        self.codeHash = codeHash
    }
}

/// A correct password waiting for its second step. It is not a session: nothing but the code page
/// accepts it, it lasts minutes, and it is deleted when the code is accepted. Only its hash is kept.
public final class SignInChallengeModel: Model, @unchecked Sendable {
    public static let schema = "sign_in_challenges"

    @ID(key: .id) public var id: UUID?
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "expires_at") public var expiresAt: Date

    public var properties: [any AnyProperty] { [$id, $tokenHash, $userID, $expiresAt] }

    public init() {}

    public init(tokenHash: String, userID: UUID, expiresAt: Date) {
        self.id = UUID()
        self.tokenHash = tokenHash
        self.userID = userID
        self.expiresAt = expiresAt
    }
}
