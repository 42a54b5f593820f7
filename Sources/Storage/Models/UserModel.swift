import Domain
import FluentKit
import Foundation

/// Someone who signs in to Roundtable.
public final class UserModel: Model, @unchecked Sendable {
    public static let schema = "users"

    @ID(key: .id) public var id: UUID?
    /// Normalised (trimmed, lower case); unique.
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "role") public var role: Role
    @Field(key: "password_hash") public var passwordHash: String
    @OptionalField(key: "disabled_at") public var disabledAt: Date?
    @OptionalField(key: "last_sign_in_at") public var lastSignInAt: Date?
    /// The interface language the user chose; nil until they choose (then their browser's, or the site's).
    @OptionalField(key: "language") public var language: Language?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    /// Increases with every change; clients send it back to prove they saw the latest state.
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $email, $name, $role, $passwordHash, $disabledAt, $lastSignInAt, $language, $createdAt, $updatedAt, $version] }

    public init() {}

    public init(id: UUID = UUID(), email: String, name: String, role: Role, passwordHash: String, now: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.createdAt = now
        self.updatedAt = now
        self.version = 1
    }

    public var isDisabled: Bool { disabledAt != nil }

    /// The fields the audit trail compares. The password hash is never among them.
    public var auditFields: [(String, String?)] {
        [("email", email), ("name", name), ("role", role.rawValue), ("status", isDisabled ? "disabled" : "active"),
         ("language", language?.rawValue)]
    }
}
