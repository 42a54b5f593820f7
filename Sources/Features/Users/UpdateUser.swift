import Domain
import FluentKit
import Foundation
import Storage

/// An administrator changes someone's name, email or role. The change must start from the latest version.
public struct UpdateUser: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func callAsFunction(id: UUID, _ input: UserInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> UserSummary {
        try actor.require(.manageUsers)
        let values = try input.validated()
        guard let expectedVersion else { throw DomainError.versionRequired }
        return try await database.transaction { tx in
            guard let user = try await UserModel.find(id, on: tx) else { throw DomainError.notFound("user") }
            guard user.version == expectedVersion else { throw DomainError.versionConflict(current: user.version) }
            if actor.userID == id, values.role != .admin, user.role == .admin {
                throw DomainError.notAllowed("users.cannotDemoteSelf")
            }
            if user.role == .admin, values.role != .admin, !user.isDisabled {
                try await UserGuards.ensureAnotherActiveAdmin(besides: id, on: tx)
            }
            try await AddUser.ensureEmailFree(values.email, except: id, on: tx)
            let before = user.auditFields
            user.email = values.email
            user.name = values.name
            user.role = values.role
            let changes = FieldChange.between(before, user.auditFields)
            guard !changes.isEmpty else { return user.summary }
            user.updatedAt = now
            user.version += 1
            try await user.update(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: "user", recordID: id, recordLabel: user.email, changes: changes, at: now, on: tx)
            return user.summary
        }
    }
}

enum UserGuards {
    /// Roundtable must never be left without an administrator who can sign in.
    static func ensureAnotherActiveAdmin(besides id: UUID, on database: any Database) async throws {
        let others = try await UserModel.query(on: database)
            .filter(\.$role == Role.admin)
            .filter(\.$disabledAt == nil)
            .filter(\.$id != id)
            .count()
        if others == 0 { throw DomainError.notAllowed("users.lastAdmin") }
    }
}
