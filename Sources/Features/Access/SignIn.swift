import Domain
import FluentKit
import Foundation
import Storage

/// Email and password in, a new session out — or, for a user with two-factor sign-in, a short-lived
/// challenge that only the code page takes, and the session once the code is right. Failures of either
/// step are throttled per account and per address, and every failure is in the audit trail.
public struct SignIn: Sendable {
    public let database: any Database
    public let hasher: any PasswordHasher

    public init(database: any Database, hasher: any PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    public struct Grant: Sendable {
        /// The cookie's secret; only its hash is stored.
        public var sessionToken: String
        public var sessionID: UUID
        public var user: UserSummary
    }

    public enum Outcome: Sendable {
        case signedIn(Grant)
        /// The password was right and a code is asked for next. The challenge's secret is the only way to the
        /// second step: it opens no page, lasts `challengeLifetime`, and only its hash is stored.
        case needsCode(challenge: String)
    }

    public static let challengeLifetime: Double = 5 * 60

    public func callAsFunction(email rawEmail: String, password: String, address: String, now: Date = Date()) async throws -> Outcome {
        let email = EmailAddress.normalized(rawEmail)
        // People sometimes type their password into the email field: only something shaped like an
        // email address is written to the audit trail.
        let actor = Actor(kind: .anonymous, label: EmailAddress.isValid(email) ? email : Actor.anonymousLabel, address: address)

        if let until = try await lockedUntil(email: email, address: address, now: now) {
            try await AuditTrail.record(.signInRefused, by: actor, recordType: "user", recordID: nil, recordLabel: actor.label, at: now, on: database)
            throw DomainError.throttled(until: until.timeIntervalSince1970)
        }

        let user = try await UserModel.query(on: database).filter(\.$email == email).first()
        // Verify even when the user is unknown, so that timing does not reveal which emails exist.
        let hash = user?.passwordHash ?? Self.decoyHash
        let matches = (try? await hasher.verify(password, against: hash)) ?? false
        guard let user, matches, !user.isDisabled else {
            try await database.transaction { tx in
                try await SignInAttemptModel(email: email, address: address, at: now, succeeded: false).create(on: tx)
                try await AuditTrail.record(.signInFailed, by: actor, recordType: "user", recordID: user?.id, recordLabel: actor.label, at: now, on: tx)
            }
            throw DomainError.invalidCredentials
        }

        if try await TwoFactor(database: database).status(userID: user.id!).isEnabled {
            let challenge = SecretToken.generate()
            try await SignInChallengeModel.query(on: database).filter(\.$expiresAt < now).delete()
            try await SignInChallengeModel(tokenHash: SecretToken.hash(challenge), userID: user.id!,
                                           expiresAt: now.addingTimeInterval(Self.challengeLifetime)).create(on: database)
            return .needsCode(challenge: challenge)
        }
        return .signedIn(try await startSession(user: user, email: email, address: address, now: now))
    }

    /// The second step: the code from the authenticator app (or a recovery code) for a pending challenge.
    /// An unknown or expired challenge is `notAllowed("signIn.challengeExpired")`: sign in again.
    public func complete(challenge: String, code: String, address: String, now: Date = Date()) async throws -> Grant {
        guard !challenge.isEmpty, challenge.count <= 128,
              let pending = try await SignInChallengeModel.query(on: database).filter(\.$tokenHash == SecretToken.hash(challenge)).first(),
              pending.expiresAt > now,
              let user = try await UserModel.find(pending.userID, on: database), !user.isDisabled
        else { throw DomainError.notAllowed("signIn.challengeExpired") }
        let actor = Actor(kind: .anonymous, label: user.email, address: address)
        if let until = try await lockedUntil(email: user.email, address: address, now: now) {
            try await AuditTrail.record(.signInRefused, by: actor, recordType: "user", recordID: user.id, recordLabel: user.email, at: now, on: database)
            throw DomainError.throttled(until: until.timeIntervalSince1970)
        }
        guard let verified = try await TwoFactor(database: database).verify(userID: user.id!, code: code, now: now) else {
            try await database.transaction { tx in
                try await SignInAttemptModel(email: user.email, address: address, at: now, succeeded: false).create(on: tx)
                try await AuditTrail.record(.signInFailed, by: actor, recordType: "user", recordID: user.id, recordLabel: user.email, at: now, on: tx)
            }
            throw DomainError.invalidCredentials
        }
        try await pending.delete(on: database)
        if verified == .recoveryCode {
            let signedIn = Actor(kind: .user(id: user.id!, role: user.role), label: user.email, address: address)
            try await AuditTrail.record(.recoveryCodeUsed, by: signedIn, recordType: "user", recordID: user.id, recordLabel: user.email, at: now, on: database)
        }
        return try await startSession(user: user, email: user.email, address: address, now: now)
    }

    private func startSession(user: UserModel, email: String, address: String, now: Date) async throws -> Grant {
        let token = SecretToken.generate()
        let session = UserSessionModel(tokenHash: SecretToken.hash(token), userID: user.id!, now: now)
        let signedIn = Actor(kind: .user(id: user.id!, role: user.role), label: user.email, address: address)
        try await database.transaction { tx in
            try await session.create(on: tx)
            user.lastSignInAt = now
            try await user.update(on: tx)
            try await SignInAttemptModel(email: email, address: address, at: now, succeeded: true).create(on: tx)
            try await AuditTrail.record(.signIn, by: signedIn, recordType: "user", recordID: user.id, recordLabel: user.email, at: now, on: tx)
        }
        return Grant(sessionToken: token, sessionID: session.id!, user: user.summary)
    }

    /// The later of the account's and the address's lock-outs, if either applies.
    func lockedUntil(email: String, address: String, now: Date) async throws -> Date? {
        try await SignInThrottling(database: database).lockedUntil(email: email, address: address, now: now)
    }

    /// A valid bcrypt hash of a random string, verified against when the email is unknown.
    static let decoyHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuq8p3Ur3HWnRZyKx7B/z/2UuUvZ4QJ8O"
}
