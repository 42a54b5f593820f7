import Domain
import FluentKit
import Foundation
import Storage

/// What captures could not do on their own, listed for their author alone: nothing here is applied by
/// itself, and the author dismisses an entry once they have dealt with it.
public struct CaptureReviews: Sendable {
    public enum Reason: String, Sendable, CaseIterable {
        /// The capture was sent again with other content than the first time; the first stands.
        case changedResend
        /// Names typed offline that no one, or more than one person, answers to; they were left out.
        case namesNotFound
        /// A change made offline to something someone else changed meanwhile; what is stored stands.
        case changedMeanwhile
    }

    /// One entry as its author sees it.
    public struct Entry: Sendable, Equatable {
        public var id: UUID
        public var reason: Reason
        public var recordType: String
        public var recordID: UUID?
        /// What was sent, field → value.
        public var sent: [String: String]
        /// By reason: the names not found (`names`), the value stored (`stored`); the record's name (`record`).
        public var details: [String: [String]]
        public var createdAt: Date

        public init(id: UUID, reason: Reason, recordType: String, recordID: UUID?, sent: [String: String],
                    details: [String: [String]], createdAt: Date) {
            self.id = id
            self.reason = reason
            self.recordType = recordType
            self.recordID = recordID
            self.sent = sent
            self.details = details
            self.createdAt = createdAt
        }
    }

    public let database: any Database

    public init(database: any Database) { self.database = database }

    struct Stored: Codable {
        var sent: [String: String]
        var details: [String: [String]]
    }

    /// Keeps an entry for the capture's author (in its own write: it stays even when the send is refused).
    static func keep(_ capture: Capture, recordType: String, recordID: UUID?, reason: Reason, details: [String: [String]],
                     by actor: Actor, now: Date, on db: any Database) async throws {
        guard let userID = actor.userID else { return }
        // What was sent is kept only where the author needs it to act (a resend with other content); for the
        // rest the details say enough, and notes about people are not copied once more.
        let sent = reason == .changedResend
            ? (try? JSONDecoder().decode([String: String].self, from: Data(capture.content.utf8))) ?? [:] : [:]
        let model = CaptureReviewModel()
        model.id = UUID()
        model.userID = userID
        model.key = capture.key
        model.recordType = recordType
        model.recordID = recordID
        model.reason = reason.rawValue
        model.content = String(decoding: try JSONEncoder().encode(Stored(sent: sent, details: details)), as: UTF8.self)
        model.createdAt = now
        try await model.create(on: db)
    }

    /// Names typed on a device that were left out of the engagement it made, as the look-up explained them.
    public func keepNames(_ capture: Capture, engagement: RecordRef, names: [String], by actor: Actor, now: Date = Date()) async throws {
        try await Self.keep(capture, recordType: Engagements.recordType, recordID: engagement.id, reason: .namesNotFound,
                            details: ["names": names, "record": [engagement.name]], by: actor, now: now, on: database)
    }

    /// Whether this user's capture reached the server before (its review entries were written then).
    public static func hasCapture(_ capture: Capture, by actor: Actor, on db: any Database) async throws -> Bool {
        try await Captures.earlier(capture, by: actor, on: db) != nil
    }

    /// The entries the actor has not dismissed, newest first.
    public func open(by actor: Actor) async throws -> [Entry] {
        guard let userID = actor.userID else { return [] }
        let models = try await CaptureReviewModel.query(on: database).filter(\.$userID == userID)
            .filter(\.$dismissedAt == nil).sort(\.$createdAt, .descending).limit(200).all()
        return models.compactMap { model in
            guard let id = model.id, let reason = Reason(rawValue: model.reason) else { return nil }
            let stored = (try? JSONDecoder().decode(Stored.self, from: Data(model.content.utf8))) ?? Stored(sent: [:], details: [:])
            return Entry(id: id, reason: reason, recordType: model.recordType, recordID: model.recordID,
                         sent: stored.sent, details: stored.details, createdAt: model.createdAt)
        }
    }

    public func count(by actor: Actor) async throws -> Int {
        guard let userID = actor.userID else { return 0 }
        return try await CaptureReviewModel.query(on: database).filter(\.$userID == userID).filter(\.$dismissedAt == nil).count()
    }

    /// The author has dealt with it: it leaves the list, and the audit trail says so (without its content).
    public func dismiss(_ id: UUID, by actor: Actor, now: Date = Date()) async throws {
        guard let userID = actor.userID else { throw DomainError.forbidden }
        try await database.transaction { tx in
            guard let model = try await CaptureReviewModel.find(id, on: tx), model.userID == userID, model.dismissedAt == nil else {
                throw DomainError.notFound("captureReview")
            }
            model.dismissedAt = now
            try await model.update(on: tx)
            try await AuditTrail.record(.delete, by: actor, recordType: "captureReview", recordID: id,
                                        recordLabel: model.reason, at: now, on: tx)
        }
    }
}
