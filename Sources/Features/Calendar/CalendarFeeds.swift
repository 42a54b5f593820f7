import Domain
import FluentKit
import Foundation
import Storage

/// A personal calendar feed: a secret address a calendar program subscribes to, answering with the
/// engagements its owner may see. The address is the credential (calendar programs cannot sign in), so it
/// is as long and random as an API token, stored only hashed, shown once, and replaced or revoked by its
/// owner. The owner's role is read on every fetch: a changed role applies at once, a disabled user's
/// feed stops answering.
public struct CalendarFeeds: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public struct Status: Sendable, Equatable, Codable {
        public var createdAt: Date
        public var lastUsedAt: Date?
    }

    public struct Created: Sendable {
        public var status: Status
        /// Shown once; never stored.
        public var secret: String
    }

    static let prefix = "cal_"
    static let recordType = "user"

    /// The owner's feed, if they have one.
    public func status(forUserID userID: UUID, by actor: Actor) async throws -> Status? {
        if actor.userID != userID { try actor.require(.manageUsers) }
        return try await CalendarFeedModel.query(on: database).filter(\.$userID == userID).first()
            .map { Status(createdAt: $0.createdAt, lastUsedAt: $0.lastUsedAt) }
    }

    /// A new secret address for the user; any earlier one stops working.
    public func create(forUserID userID: UUID, by actor: Actor, now: Date = Date()) async throws -> Created {
        if actor.userID != userID { try actor.require(.manageUsers) } else { try actor.require(.readRecords) }
        let secret = SecretToken.generate(prefix: Self.prefix)
        try await database.transaction { tx in
            guard let user = try await UserModel.find(userID, on: tx), !user.isDisabled else { throw DomainError.notFound("user") }
            let replaced = try await CalendarFeedModel.query(on: tx).filter(\.$userID == userID).first()
            if let replaced {
                replaced.secretHash = SecretToken.hash(secret)
                replaced.createdAt = now
                replaced.lastUsedAt = nil
                try await replaced.update(on: tx)
            } else {
                try await CalendarFeedModel(userID: userID, secretHash: SecretToken.hash(secret), now: now).create(on: tx)
            }
            // The trail says that an address was made or replaced, never the address.
            try await AuditTrail.record(
                .calendarFeedCreate, by: actor, recordType: Self.recordType, recordID: userID, recordLabel: user.email,
                changes: [FieldChange(field: "calendarFeed", from: replaced == nil ? nil : "replaced", to: "new address")], at: now, on: tx
            )
        }
        return Created(status: Status(createdAt: now, lastUsedAt: nil), secret: secret)
    }

    /// Ends the user's feed; its address then answers 404.
    public func revoke(forUserID userID: UUID, by actor: Actor, now: Date = Date()) async throws {
        if actor.userID != userID { try actor.require(.manageUsers) }
        try await database.transaction { tx in
            guard let feed = try await CalendarFeedModel.query(on: tx).filter(\.$userID == userID).first(),
                  let user = try await UserModel.find(userID, on: tx)
            else { throw DomainError.notFound("calendar feed") }
            try await feed.delete(on: tx)
            try await AuditTrail.record(
                .calendarFeedRevoke, by: actor, recordType: Self.recordType, recordID: userID, recordLabel: user.email,
                changes: [FieldChange(field: "calendarFeed", from: "address", to: nil)], at: now, on: tx
            )
        }
    }

    /// The user a feed secret speaks for, as an actor, or nil (unknown, revoked, or the user is disabled).
    /// Records the feed's last use at most once an hour: calendar programs poll often.
    /// Who a feed address belongs to, and the language they read (a calendar program sends no cookie).
    public func owner(ofSecret secret: String, now: Date = Date()) async throws -> (actor: Actor, language: Language?)? {
        guard secret.hasPrefix(Self.prefix), secret.count <= 128 else { return nil }
        guard let feed = try await CalendarFeedModel.query(on: database).filter(\.$secretHash == SecretToken.hash(secret)).first(),
              let user = try await UserModel.find(feed.userID, on: database), !user.isDisabled
        else { return nil }
        if feed.lastUsedAt.map({ now.timeIntervalSince($0) >= 3600 }) ?? true {
            feed.lastUsedAt = now
            try await feed.update(on: database)
        }
        return (Actor(kind: .user(id: user.id!, role: user.summary.role), label: user.email), user.language)
    }
}
