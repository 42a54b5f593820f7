import Domain
import FluentKit
import Foundation
import Storage

/// An administrator (or the command line) adds someone who may sign in.
public struct AddUser: Sendable {
    public let database: any Database
    public let hasher: any PasswordHasher

    public init(database: any Database, hasher: any PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    public struct Result: Sendable {
        public var user: UserSummary
        /// Set when no password was given and one was generated; show it once.
        public var generatedPassword: String?
    }

    public func callAsFunction(_ input: UserInput, password: String?, by actor: Actor, now: Date = Date()) async throws -> Result {
        try actor.require(.manageUsers)
        return try await create(input, password: password, by: actor, now: now)
    }

    /// Creation without the permission check, for first-time setup (which checks that no user exists).
    func create(_ input: UserInput, password: String?, by actor: Actor, now: Date) async throws -> Result {
        let values = try input.validated()
        let chosen = password.flatMap { $0.isEmpty ? nil : $0 }
        if let chosen {
            let issues = PasswordPolicy.issues(for: chosen)
            if !issues.isEmpty { throw DomainError.invalid(issues) }
        }
        let plain = chosen ?? SecretToken.generatePassword()
        let hash = try await hasher.hash(plain)
        let user = UserModel(email: values.email, name: values.name, role: values.role, passwordHash: hash, now: now)
        try await database.transaction { tx in
            try await Self.ensureEmailFree(values.email, except: nil, on: tx)
            try await user.create(on: tx)
            try await AuditTrail.record(
                .create, by: actor, recordType: "user", recordID: user.id, recordLabel: user.email,
                changes: FieldChange.between([], user.auditFields), at: now, on: tx
            )
        }
        return Result(user: user.summary, generatedPassword: chosen == nil ? plain : nil)
    }

    static func ensureEmailFree(_ email: String, except id: UUID?, on database: any Database) async throws {
        var query = UserModel.query(on: database).filter(\.$email == email)
        if let id { query = query.filter(\.$id != id) }
        if try await query.count() > 0 {
            throw DomainError.conflict(FieldIssue(field: "email", "email.taken"))
        }
    }
}
