import Domain
import FluentKit
import Foundation
import Storage

/// Finding the user behind a session cookie, and ending sessions.
public struct Sessions: Sendable {
    public let database: any Database
    public let policy: SessionPolicy

    public init(database: any Database, policy: SessionPolicy = .standard) {
        self.database = database
        self.policy = policy
    }

    public struct Resolved: Sendable {
        public var sessionID: UUID
        public var user: UserSummary
    }

    /// The signed-in user, or nil when the session is unknown, expired, or its user is disabled.
    public func resolve(token: String, now: Date = Date()) async throws -> Resolved? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        // One query: the session joined with its user (this runs on every signed-in request).
        guard let session = try await UserSessionModel.query(on: database)
            .filter(\.$tokenHash == SecretToken.hash(token))
            .join(UserModel.self, on: \UserSessionModel.$user.$id == \UserModel.$id)
            .first()
        else { return nil }
        let user = try session.joined(UserModel.self)
        let current = now.timeIntervalSince1970
        if policy.isExpired(createdAt: session.createdAt.timeIntervalSince1970, lastSeenAt: session.lastSeenAt.timeIntervalSince1970, now: current) {
            try await session.delete(on: database)
            return nil
        }
        guard !user.isDisabled else { return nil }
        if policy.needsTouch(lastSeenAt: session.lastSeenAt.timeIntervalSince1970, now: current) {
            session.lastSeenAt = now
            try await session.update(on: database)
        }
        return Resolved(sessionID: session.id!, user: user.summary)
    }

    public func signOut(sessionID: UUID, by actor: Actor, now: Date = Date()) async throws {
        try await database.transaction { tx in
            try await UserSessionModel.query(on: tx).filter(\.$id == sessionID).delete()
            if let id = actor.userID {
                try await AuditTrail.record(.signOut, by: actor, recordType: "user", recordID: id, recordLabel: actor.label, at: now, on: tx)
            }
        }
    }

    /// Removes sessions that can no longer be used; safe to run at any time from any process.
    public func pruneExpired(now: Date = Date()) async throws {
        let idleCutoff = now.addingTimeInterval(-policy.idleTimeout)
        let ageCutoff = now.addingTimeInterval(-policy.absoluteLifetime)
        try await UserSessionModel.query(on: database).group(.or) { group in
            group.filter(\.$lastSeenAt < idleCutoff).filter(\.$createdAt < ageCutoff)
        }.delete()
    }
}
