import Domain
import FluentKit
import Foundation
import Storage

/// Sets a new password: an administrator or the CLI for anyone; a user for themselves, proving the old
/// one. Every other session of that user ends, so a stolen session does not survive the change.
public struct SetPassword: Sendable {
    public let database: any Database
    public let hasher: any PasswordHasher

    public init(database: any Database, hasher: any PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    /// - Parameters:
    ///   - newPassword: nil or empty to generate one (administrators and CLI only).
    ///   - currentPassword: required when users change their own password.
    ///   - keepSessionID: the session making the change, which stays signed in.
    /// - Returns: the generated password, when one was generated.
    @discardableResult
    public func callAsFunction(
        userID: UUID, newPassword: String?, currentPassword: String? = nil, keepSessionID: UUID? = nil,
        by actor: Actor, now: Date = Date()
    ) async throws -> String? {
        let isSelf = actor.userID == userID
        if !isSelf { try actor.require(.manageUsers) }
        guard let user = try await UserModel.find(userID, on: database) else { throw DomainError.notFound("user") }
        if isSelf, !actor.can(.manageUsers) || currentPassword != nil {
            let ok = try await hasher.verify(currentPassword ?? "", against: user.passwordHash)
            if !ok { throw DomainError.invalid(field: "currentPassword", "password.wrong") }
        }
        let chosen = newPassword.flatMap { $0.isEmpty ? nil : $0 }
        if chosen == nil, isSelf { throw DomainError.invalid(PasswordPolicy.issues(for: "", field: "newPassword")) }
        if let chosen {
            let issues = PasswordPolicy.issues(for: chosen, field: "newPassword")
            if !issues.isEmpty { throw DomainError.invalid(issues) }
        }
        let plain = chosen ?? SecretToken.generatePassword()
        let hash = try await hasher.hash(plain)
        try await database.transaction { tx in
            user.passwordHash = hash
            user.updatedAt = now
            try await user.update(on: tx)
            var sessions = UserSessionModel.query(on: tx).filter(\.$user.$id == userID)
            if let keepSessionID { sessions = sessions.filter(\.$id != keepSessionID) }
            try await sessions.delete()
            try await AuditTrail.record(
                .passwordChange, by: actor, recordType: "user", recordID: userID, recordLabel: user.email,
                changes: [.secret("password")], at: now, on: tx
            )
        }
        return chosen == nil ? plain : nil
    }
}
