import Domain
import FluentKit
import Foundation
import Storage

/// Personal API tokens: created by their owner (or by the CLI for anyone), revocable, last use recorded.
public struct APITokens: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public struct Summary: Sendable, Equatable, Codable {
        public var id: UUID
        public var label: String
        public var createdAt: Date
        public var lastUsedAt: Date?
        public var revokedAt: Date?
    }

    public struct Created: Sendable {
        public var token: Summary
        /// Shown once; never stored.
        public var secret: String
    }

    static let maximumLabelLength = 100
    static let prefix = "rt_"

    public func create(forUserID userID: UUID, label rawLabel: String?, by actor: Actor, now: Date = Date()) async throws -> Created {
        if actor.userID != userID { try actor.require(.manageUsers) } else { try actor.require(.useAPITokens) }
        let label = (rawLabel ?? "").trimmingWhitespace()
        if (rawLabel ?? "").unicodeScalars.count > Self.maximumLabelLength {
            throw DomainError.invalid(field: "label", "label.tooLong", String(Self.maximumLabelLength))
        }
        guard let user = try await UserModel.find(userID, on: database), !user.isDisabled else { throw DomainError.notFound("user") }
        let secret = SecretToken.generate(prefix: Self.prefix)
        let token = APITokenModel(userID: userID, label: label.isEmpty ? "API token" : label, tokenHash: SecretToken.hash(secret), now: now)
        try await database.transaction { tx in
            try await token.create(on: tx)
            try await AuditTrail.record(
                .tokenCreate, by: actor, recordType: "user", recordID: userID, recordLabel: user.email,
                changes: [FieldChange(field: "token", from: nil, to: token.label)], at: now, on: tx
            )
        }
        return Created(token: token.summary, secret: secret)
    }

    public func list(forUserID userID: UUID, by actor: Actor) async throws -> [Summary] {
        if actor.userID != userID { try actor.require(.manageUsers) }
        return try await APITokenModel.query(on: database)
            .filter(\.$user.$id == userID).filter(\.$revokedAt == nil)
            .sort(\.$createdAt, .descending).all().map(\.summary)
    }

    public func revoke(id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try await database.transaction { tx in
            guard let token = try await APITokenModel.query(on: tx).filter(\.$id == id).filter(\.$revokedAt == nil).with(\.$user).first(),
                  token.$user.id == actor.userID || actor.can(.manageUsers)
            else { throw DomainError.notFound("token") }
            token.revokedAt = now
            try await token.update(on: tx)
            try await AuditTrail.record(
                .tokenRevoke, by: actor, recordType: "user", recordID: token.$user.id, recordLabel: token.user.email,
                changes: [FieldChange(field: "token", from: token.label, to: nil)], at: now, on: tx
            )
        }
    }

    /// Revokes every live token of a user at once (after a password change, when the password may have been
    /// seen: a token is a password of its own and outlives the change). One audit entry per token, as when
    /// each is revoked by hand. Returns how many were revoked.
    @discardableResult
    public func revokeAll(forUserID userID: UUID, by actor: Actor, now: Date = Date()) async throws -> Int {
        if actor.userID != userID { try actor.require(.manageUsers) }
        return try await database.transaction { tx in
            guard let user = try await UserModel.find(userID, on: tx) else { throw DomainError.notFound("user") }
            let tokens = try await APITokenModel.query(on: tx).filter(\.$user.$id == userID).filter(\.$revokedAt == nil).all()
            for token in tokens {
                token.revokedAt = now
                try await token.update(on: tx)
                try await AuditTrail.record(
                    .tokenRevoke, by: actor, recordType: "user", recordID: userID, recordLabel: user.email,
                    changes: [FieldChange(field: "token", from: token.label, to: nil)], at: now, on: tx
                )
            }
            return tokens.count
        }
    }

    /// The user a bearer token speaks for, or nil. Records the token's last use at most once a minute.
    public func authenticate(secret: String, now: Date = Date()) async throws -> UserSummary? {
        guard secret.hasPrefix(Self.prefix), secret.count <= 128 else { return nil }
        // Every API request: one fixed statement (see `APITokenBySecret`).
        guard let row = try await APITokenBySecret.rows(binding: [.text(SecretToken.hash(secret))], on: database).first else { return nil }
        let user = try UserColumns.summary(row)
        guard !user.isDisabled else { return nil }
        if try row.decode(column: "last_used_at", as: Date?.self).map({ now.timeIntervalSince($0) >= 60 }) ?? true {
            let id = try row.decode(column: "token_id", as: UUID.self)
            try await APITokenModel.query(on: database).filter(\.$id == id).set(\.$lastUsedAt, to: now).update()
        }
        return user
    }
}

extension APITokenModel {
    var summary: APITokens.Summary {
        APITokens.Summary(id: id!, label: label, createdAt: createdAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt)
    }
}
