import Domain
import FluentKit
import Foundation
import Storage

/// A signed-in user chooses the language Roundtable speaks to them (nil: their browser's, then the site's).
/// Like every change to a user, it is in the audit trail.
public struct ChooseLanguage: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func callAsFunction(_ language: Language?, by actor: Actor, now: Date = Date()) async throws -> UserSummary {
        guard let id = actor.userID else { throw DomainError.forbidden }
        return try await database.transaction { tx in
            guard let user = try await UserModel.find(id, on: tx) else { throw DomainError.notFound("user") }
            let before = user.auditFields
            user.language = language
            let changes = FieldChange.between(before, user.auditFields)
            guard !changes.isEmpty else { return user.summary }
            user.updatedAt = now
            user.version += 1
            try await user.update(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: "user", recordID: id, recordLabel: user.email,
                                        changes: changes, at: now, on: tx)
            return user.summary
        }
    }
}
