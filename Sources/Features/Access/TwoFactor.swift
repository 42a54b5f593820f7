import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Setting up, using, turning off and resetting two-factor sign-in (an authenticator app's codes, or one of
/// ten single-use recovery codes).
public struct TwoFactor: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public struct Status: Sendable, Equatable {
        public var isEnabled: Bool
        public var enabledAt: Date?
        public var recoveryCodesLeft: Int
        public init(isEnabled: Bool, enabledAt: Date?, recoveryCodesLeft: Int) {
            self.isEnabled = isEnabled
            self.enabledAt = enabledAt
            self.recoveryCodesLeft = recoveryCodesLeft
        }
        public static let off = Status(isEnabled: false, enabledAt: nil, recoveryCodesLeft: 0)
    }

    public func status(userID: UUID) async throws -> Status {
        guard let row = try await TwoFactorModel.query(on: database).filter(\.$userID == userID).first(), row.isEnabled else { return .off }
        let left = try await RecoveryCodeModel.query(on: database).filter(\.$userID == userID).filter(\.$usedAt == nil).count()
        return Status(isEnabled: true, enabledAt: row.enabledAt, recoveryCodesLeft: left)
    }

    /// Starts (or starts again) setting up: a new secret, not used for sign-in until confirmed with a code.
    /// Returns the secret in base32. Refused while two-factor sign-in is on: turn it off first.
    public func begin(userID: UUID, now: Date = Date()) async throws -> String {
        let secret = Base32.encode(TOTP.generateSecret())
        try await database.transaction { tx in
            let existing = try await TwoFactorModel.query(on: tx).filter(\.$userID == userID).first()
            if let existing {
                guard !existing.isEnabled else { throw DomainError.notAllowed("twoFactor.alreadyOn") }
                existing.secret = secret
                existing.createdAt = now
                try await existing.update(on: tx)
            } else {
                try await TwoFactorModel(userID: userID, secret: secret, salt: SecretToken.generate(), now: now).create(on: tx)
            }
        }
        return secret
    }

    /// The secret being set up, to show again when a confirmation code was wrong.
    public func pendingSecret(userID: UUID) async throws -> String? {
        guard let row = try await TwoFactorModel.query(on: database).filter(\.$userID == userID).first(), !row.isEnabled else { return nil }
        return row.secret
    }

    /// Turns two-factor sign-in on when the code matches the secret being set up. Returns the ten recovery
    /// codes, which are shown once and never again. Wrong codes count towards the sign-in throttle: a
    /// session left open must not let someone try codes faster than the sign-in page does.
    public func confirm(code: String, by actor: Actor, now: Date = Date()) async throws -> [String] {
        guard let userID = actor.userID, let user = try await UserModel.find(userID, on: database) else { throw DomainError.forbidden }
        let throttle = SignInThrottling(database: database)
        try await throttle.check(email: user.email, by: actor, recordID: userID, now: now)
        let codes = try await database.transaction { tx -> [String]? in
            guard let row = try await TwoFactorModel.query(on: tx).filter(\.$userID == userID).first(), !row.isEnabled,
                  let secret = Base32.decode(row.secret)
            else { throw DomainError.notAllowed("twoFactor.notSettingUp") }
            guard let step = TOTP(secret: secret).matchingStep(code, at: now, after: nil) else { return nil }
            row.enabledAt = now
            row.lastStep = step
            row.salt = SecretToken.generate()
            try await row.update(on: tx)
            let codes = try await Self.replaceRecoveryCodes(userID: userID, salt: row.salt, on: tx)
            try await AuditTrail.record(.twoFactorOn, by: actor, recordType: "user", recordID: userID, recordLabel: actor.label, at: now, on: tx)
            return codes
        }
        guard let codes else {
            try await throttle.fail(email: user.email, by: actor, recordID: userID, now: now)
            throw DomainError.invalid(field: "code", "twoFactor.wrongCode")
        }
        return codes
    }

    /// Whether a typed code is good for this user now: an authenticator code not used before (one step of
    /// drift either way), or an unused recovery code, which is then used up.
    public func verify(userID: UUID, code: String, now: Date = Date(), on tx: (any Database)? = nil) async throws -> Verification? {
        let db = tx ?? database
        guard let row = try await TwoFactorModel.query(on: db).filter(\.$userID == userID).first(), row.isEnabled,
              let secret = Base32.decode(row.secret)
        else { return nil }
        if let step = TOTP(secret: secret).matchingStep(code, at: now, after: row.lastStep) {
            // Only moves forward, in one statement: of two requests with the same code, the second updates no
            // row and is refused.
            let taken = try await db.sql.update(TwoFactorModel.schema)
                .set("last_step", to: SQLBind(step))
                .where("id", .equal, SQLBind(row.id!))
                .where { $0.where("last_step", .is, SQLLiteral.null).orWhere("last_step", .lessThan, SQLBind(step)) }
                .returning("id")
                .all()
            return taken.isEmpty ? nil : .authenticator
        }
        let normalized = Self.normalizedRecoveryCode(code)
        guard normalized.count == 10 else { return nil }
        let hash = Self.hashRecoveryCode(normalized, salt: row.salt)
        guard let recovery = try await RecoveryCodeModel.query(on: db).filter(\.$userID == userID)
            .filter(\.$codeHash == hash).filter(\.$usedAt == nil).first()
        else { return nil }
        // Used up in one statement, like the steps: of two requests with the same code, one wins.
        let used = try await db.sql.update(RecoveryCodeModel.schema)
            .set("used_at", to: SQLBind(now))
            .where("id", .equal, SQLBind(recovery.id!))
            .where("used_at", .is, SQLLiteral.null)
            .returning("id")
            .all()
        return used.isEmpty ? nil : .recoveryCode
    }

    public enum Verification: Sendable, Equatable { case authenticator, recoveryCode }

    /// Turns two-factor sign-in off for oneself, after the password is typed again.
    public func turnOff(password: String, hasher: any PasswordHasher, by actor: Actor, now: Date = Date()) async throws {
        guard let userID = actor.userID, let user = try await UserModel.find(userID, on: database) else { throw DomainError.forbidden }
        // Throttled like the sign-in password: it is the same password, guessed through another form.
        let throttle = SignInThrottling(database: database)
        try await throttle.check(email: user.email, by: actor, recordID: userID, now: now)
        guard (try? await hasher.verify(password, against: user.passwordHash)) == true else {
            try await throttle.fail(email: user.email, by: actor, recordID: userID, now: now)
            throw DomainError.invalid(field: "password", "twoFactor.wrongPassword")
        }
        try await database.transaction { tx in
            try await remove(userID: userID, action: .twoFactorOff, label: user.email, by: actor, now: now, on: tx)
        }
    }

    /// An administrator takes two-factor sign-in off another user's account (a lost phone and lost
    /// recovery codes). Audited. Every open session of that user ends — whoever holds one may be who took
    /// the phone — and the user signs in again with their password and sets it up again. API tokens keep
    /// working, as they do through a password change (they are listed on the account page, with their last
    /// use, to revoke there); `keepSessionID` is the session making the change, when it is the user's own.
    public func reset(userID: UUID, keepSessionID: UUID? = nil, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.manageUsers)
        guard let user = try await UserModel.find(userID, on: database) else { throw DomainError.notFound("user") }
        try await database.transaction { tx in
            try await remove(userID: userID, action: .twoFactorReset, label: user.email, by: actor, now: now, on: tx)
            var sessions = UserSessionModel.query(on: tx).filter(\.$user.$id == userID)
            if let keepSessionID { sessions = sessions.filter(\.$id != keepSessionID) }
            try await sessions.delete()
        }
    }

    private func remove(userID: UUID, action: AuditAction, label: String, by actor: Actor, now: Date, on tx: any Database) async throws {
        let wasOn = try await TwoFactorModel.query(on: tx).filter(\.$userID == userID).first()?.isEnabled ?? false
        try await TwoFactorModel.query(on: tx).filter(\.$userID == userID).delete()
        try await RecoveryCodeModel.query(on: tx).filter(\.$userID == userID).delete()
        try await SignInChallengeModel.query(on: tx).filter(\.$userID == userID).delete()
        if wasOn {
            try await AuditTrail.record(action, by: actor, recordType: "user", recordID: userID, recordLabel: label, at: now, on: tx)
        }
    }

    /// Ten codes of ten letters and digits without look-alikes (about 50 bits each), shown as "xxxxx-xxxxx".
    /// They are random and long, and each one is good for a single try before the throttle counts it, so a
    /// salted SHA-256 is enough to keep them from being read back out of a copy of the database; a slow
    /// password hash would only make each sign-in check ten bcrypt hashes.
    static func replaceRecoveryCodes(userID: UUID, salt: String, on tx: any Database) async throws -> [String] {
        try await RecoveryCodeModel.query(on: tx).filter(\.$userID == userID).delete()
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        var codes: [String] = []
        for _ in 0..<10 {
            let raw = String((0..<10).map { _ in alphabet.randomElement(using: &generator)! })
            try await RecoveryCodeModel(userID: userID, codeHash: hashRecoveryCode(raw, salt: salt)).create(on: tx)
            codes.append(String(raw.prefix(5)) + "-" + String(raw.suffix(5)))
        }
        return codes
    }

    static func normalizedRecoveryCode(_ typed: String) -> String {
        typed.lowercased().filter { !$0.isWhitespace && $0 != "-" }
    }

    static func hashRecoveryCode(_ normalized: String, salt: String) -> String {
        SHA256Hex.of(salt + ":" + normalized)
    }

    // MARK: The site's rule

    /// Whether administrators and coordinators must use two-factor sign-in.
    public func isRequired() async throws -> Bool {
        try await SiteSettings(database: database).requiresTwoFactor()
    }

    public static func isRequired(for role: Role) -> Bool { role == .admin || role == .coordinator }

    /// Whether this user must set up two-factor sign-in before anything else.
    public func mustSetUp(userID: UUID, role: Role) async throws -> Bool {
        guard Self.isRequired(for: role), try await isRequired() else { return false }
        return !(try await status(userID: userID).isEnabled)
    }
}
