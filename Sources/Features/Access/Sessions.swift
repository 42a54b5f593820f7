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
        // This runs on every signed-in request: one joined query read as plain columns, because building
        // the two Fluent models (reflection over every field) cost more than the query itself.
        let sql = database.sql
        guard let row = try await sql.select()
            .column(SQLColumn("id", table: UserSessionModel.schema), as: "session_id")
            .column(SQLColumn("created_at", table: UserSessionModel.schema), as: "session_created_at")
            .column(SQLColumn("last_seen_at", table: UserSessionModel.schema))
            .column(SQLColumn("id", table: UserModel.schema), as: "user_id")
            .columns(["email", "name", "role", "disabled_at", "last_sign_in_at", "language"].map { SQLColumn($0, table: UserModel.schema) })
            .column(SQLColumn("created_at", table: UserModel.schema), as: "user_created_at")
            .column(SQLColumn("version", table: UserModel.schema))
            .from(UserSessionModel.schema)
            .join(UserModel.schema, on: SQLColumn("user_id", table: UserSessionModel.schema), .equal, SQLColumn("id", table: UserModel.schema))
            .where(SQLColumn("token_hash", table: UserSessionModel.schema), .equal, SQLBind(SecretToken.hash(token)))
            .first()
        else { return nil }
        let sessionID = try row.decode(column: "session_id", as: UUID.self)
        let createdAt = try row.decode(column: "session_created_at", as: Date.self)
        let lastSeenAt = try row.decode(column: "last_seen_at", as: Date.self)
        let current = now.timeIntervalSince1970
        if policy.isExpired(createdAt: createdAt.timeIntervalSince1970, lastSeenAt: lastSeenAt.timeIntervalSince1970, now: current) {
            try await UserSessionModel.query(on: database).filter(\.$id == sessionID).delete()
            return nil
        }
        let user = UserSummary(
            id: try row.decode(column: "user_id", as: UUID.self), email: try row.decode(column: "email", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .viewer,
            isDisabled: !(try row.decodeNil(column: "disabled_at")),
            lastSignInAt: try row.decode(column: "last_sign_in_at", as: Date?.self),
            createdAt: try row.decode(column: "user_created_at", as: Date.self), version: try row.decode(column: "version", as: Int.self),
            language: try row.decode(column: "language", as: String?.self).flatMap(Language.init(rawValue:))
        )
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
