import Domain
import FluentKit
import Foundation
import Storage

/// The sign-in throttle's store and rule, for every step that proves who someone is: the password, the code
/// at sign-in, and — for someone already signed in — the code that confirms two-factor set-up and the
/// password that turns it off. Failures of any of them count together, per account and per address, so a
/// stolen session cannot guess codes or the password faster than the sign-in page allows.
struct SignInThrottling {
    let database: any Database

    /// The later of the account's and the address's lock-outs, if either applies.
    func lockedUntil(email: String, address: String, now: Date) async throws -> Date? {
        let since = now.addingTimeInterval(-max(SignInThrottle.perAccount.lookBack, SignInThrottle.perAddress.lookBack))
        let byAccount = try await SignInAttemptModel.query(on: database)
            .filter(\.$email == email).filter(\.$succeeded == false).filter(\.$at > since)
            .all(\.$at).map(\.timeIntervalSince1970)
        let byAddress = try await SignInAttemptModel.query(on: database)
            .filter(\.$address == address).filter(\.$succeeded == false).filter(\.$at > since)
            .all(\.$at).map(\.timeIntervalSince1970)
        let current = now.timeIntervalSince1970
        let until = [
            SignInThrottle.perAccount.lockedUntil(failures: byAccount, now: current),
            SignInThrottle.perAddress.lockedUntil(failures: byAddress, now: current),
        ].compactMap { $0 }.max()
        return until.map { Date(timeIntervalSince1970: $0) }
    }

    /// Refuses (and audits the refusal) while the account or the address is locked out.
    func check(email: String, by actor: Actor, recordID: UUID?, now: Date) async throws {
        guard let until = try await lockedUntil(email: email, address: actor.address ?? "", now: now) else { return }
        try await AuditTrail.record(.signInRefused, by: actor, recordType: "user", recordID: recordID, recordLabel: email, at: now, on: database)
        throw DomainError.throttled(until: until.timeIntervalSince1970)
    }

    /// Counts a failed proof towards the lock-out, and puts it in the audit trail.
    func fail(email: String, by actor: Actor, recordID: UUID?, now: Date) async throws {
        try await database.transaction { tx in
            try await SignInAttemptModel(email: email, address: actor.address ?? "", at: now, succeeded: false).create(on: tx)
            try await AuditTrail.record(.signInFailed, by: actor, recordType: "user", recordID: recordID, recordLabel: email, at: now, on: tx)
        }
    }
}
