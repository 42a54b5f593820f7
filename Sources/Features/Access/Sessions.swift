import Domain
import FluentKit
import Foundation
import SQLKit
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
        // This runs on every signed-in request: one fixed statement (see `SessionByToken`).
        guard let row = try await SessionByToken.rows(binding: [.text(SecretToken.hash(token))], on: database).first else { return nil }
        let sessionID = try row.decode(column: "session_id", as: UUID.self)
        let createdAt = try row.decode(column: "session_created_at", as: Date.self)
        let lastSeenAt = try row.decode(column: "last_seen_at", as: Date.self)
        let current = now.timeIntervalSince1970
        if policy.isExpired(createdAt: createdAt.timeIntervalSince1970, lastSeenAt: lastSeenAt.timeIntervalSince1970, now: current) {
            try await UserSessionModel.query(on: database).filter(\.$id == sessionID).delete()
            return nil
        }
        let user = try UserColumns.summary(row)
        guard !user.isDisabled else { return nil }
        if policy.needsTouch(lastSeenAt: lastSeenAt.timeIntervalSince1970, now: current) {
            try await UserSessionModel.query(on: database).filter(\.$id == sessionID).set(\.$lastSeenAt, to: now).update()
        }
        return Resolved(sessionID: sessionID, user: user)
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
