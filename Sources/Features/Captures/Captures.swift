import Domain
import FluentKit
import Foundation
import Storage

/// Captures kept once each for their author: the record a capture made is found again when it is sent
/// again, and a resend with other content is refused and kept for its author to look at.
enum Captures {
    /// What this user's capture made before, if it was sent before.
    static func earlier(_ capture: Capture, by actor: Actor, on db: any Database) async throws -> CaptureModel? {
        guard let userID = actor.userID else { return nil }
        return try await CaptureModel.query(on: db).filter(\.$userID == userID).filter(\.$key == capture.key).first()
    }

    /// Keeps the capture with the record it made, inside that record's transaction. Its key is unique for the
    /// user, so a second send racing the first waits for it, fails, and then finds it (`replay`).
    static func claim(_ capture: Capture, recordType: String, recordID: UUID, by actor: Actor, now: Date,
                      on db: any Database) async throws {
        guard let userID = actor.userID else { throw DomainError.forbidden }
        let model = CaptureModel()
        model.id = UUID()
        model.userID = userID
        model.key = capture.key
        model.recordType = recordType
        model.recordID = recordID
        model.fingerprint = capture.fingerprint
        model.createdAt = now
        try await model.create(on: db)
    }

    /// A capture sent again: the same content answers with what the first send made; other content — or
    /// the same identity used for another kind of record — is kept for review and refused.
    /// - Parameter label: how the record the first send made is named, for the review list.
    static func replay(_ earlier: CaptureModel, _ capture: Capture, recordType: String, label: String?, by actor: Actor,
                       now: Date, on db: any Database) async throws -> UUID {
        if earlier.fingerprint == capture.fingerprint && earlier.recordType == recordType { return earlier.recordID }
        try await CaptureReviews.keep(capture, recordType: earlier.recordType, recordID: earlier.recordID, reason: .changedResend,
                                      details: label.map { ["record": [$0]] } ?? [:], by: actor, now: now, on: db)
        throw DomainError.conflict(FieldIssue(field: "capture", "capture.changed"))
    }

    /// Writes what a capture makes once: `write` runs in a transaction with the capture's claim and returns
    /// the identity of what it made; a capture sent again answers with that identity instead (or, with
    /// other content, is refused and kept for review). Without a capture, `write` simply runs.
    /// - Parameter label: what the review list calls the record the capture belongs to.
    static func once(_ capture: Capture?, recordType: String, label: String?, by actor: Actor, now: Date, on db: any Database,
                     _ write: @escaping @Sendable (any Database) async throws -> UUID) async throws -> UUID {
        guard let capture else { return try await db.transaction { try await write($0) } }
        if let earlier = try await earlier(capture, by: actor, on: db) {
            return try await replay(earlier, capture, recordType: recordType, label: label, by: actor, now: now, on: db)
        }
        do {
            return try await db.transaction { tx in
                let id = try await write(tx)
                try await claim(capture, recordType: recordType, recordID: id, by: actor, now: now, on: tx)
                return id
            }
        } catch {
            guard let earlier = try await earlier(capture, by: actor, on: db) else { throw error }
            return try await replay(earlier, capture, recordType: recordType, label: label, by: actor, now: now, on: db)
        }
    }
}
