import FluentKit
import Foundation

/// A try at signing in, kept to throttle guessing. Old rows can be pruned freely.
public final class SignInAttemptModel: Model, @unchecked Sendable {
    public static let schema = "sign_in_attempts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "email") public var email: String
    @Field(key: "address") public var address: String
    @Field(key: "at") public var at: Date
    @Field(key: "succeeded") public var succeeded: Bool

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $email, $address, $at, $succeeded] }

    public init() {}

    public init(email: String, address: String, at: Date, succeeded: Bool) {
        self.id = UUID()
        self.email = email
        self.address = address
        self.at = at
        self.succeeded = succeeded
    }
}
