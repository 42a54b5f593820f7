import Domain
import FluentKit
import Foundation
import Storage

/// An administrator disables (or re-enables) an account. A disabled user's sessions end at once and
/// their tokens stop working (tokens are checked against the user on every request).
public struct SetUserDisabled: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func callAsFunction(id: UUID, disabled: Bool, by actor: Actor, now: Date = Date()) async throws -> UserSummary {
        try actor.require(.manageUsers)
        return try await database.transaction { tx in
            guard let user = try await UserModel.find(id, on: tx) else { throw DomainError.notFound("user") }
            guard user.isDisabled != disabled else { return user.summary }
            if disabled {
                if actor.userID == id { throw DomainError.notAllowed("users.cannotDisableSelf") }
                if user.role == .admin { try await UserGuards.ensureAnotherActiveAdmin(besides: id, on: tx) }
            }
            let before = user.auditFields
            user.disabledAt = disabled ? now : nil
            user.updatedAt = now
            user.version += 1
            try await user.update(on: tx)
            if disabled {
                try await UserSessionModel.query(on: tx).filter(\.$user.$id == id).delete()
            }
            try await AuditTrail.record(
                disabled ? .userDisable : .userEnable, by: actor, recordType: "user", recordID: id,
                recordLabel: user.email, changes: FieldChange.between(before, user.auditFields), at: now, on: tx
            )
            return user.summary
        }
    }

    /// The command line names users by email.
    public func byEmail(_ email: String, disabled: Bool, by actor: Actor, now: Date = Date()) async throws -> UserSummary {
        let user = try await UserLookup.byEmail(email, on: database)
        return try await callAsFunction(id: user.id!, disabled: disabled, by: actor, now: now)
    }
}

public enum UserLookup {
    public static func byEmail(_ email: String, on database: any Database) async throws -> UserModel {
        let normalized = EmailAddress.normalized(email)
        guard let user = try await UserModel.query(on: database).filter(\.$email == normalized).first() else {
            throw DomainError.notFound("user")
        }
        return user
    }
}
