import FluentKit
import Foundation

/// One capture that reached the server: the identity its device gave it when the form was opened, whose
/// it is, what it made, and a fingerprint of what was sent, so a resend makes nothing new and a resend
/// with other content is told apart from it.
public final class CaptureModel: Model, @unchecked Sendable {
    public static let schema = "captures"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    /// The device's identity for the capture (`Idempotency-Key`, the form's `capture` field): unique for each user.
    @Field(key: "capture_key") public var key: String
    /// What it made: `engagement`, `followUpStatus` …
    @Field(key: "record_type") public var recordType: String
    @Field(key: "record_id") public var recordID: UUID
    /// SHA-256 of the content as sent, made canonical (keys sorted, the form's CSRF token left out).
    @Field(key: "fingerprint") public var fingerprint: String
    @Field(key: "created_at") public var createdAt: Date

    public var properties: [any AnyProperty] { [$id, $userID, $key, $recordType, $recordID, $fingerprint, $createdAt] }

    public init() {}
}

/// Something a capture could not do on its own, kept for its author to look at: a resend with other
/// content than the first send, names typed offline that were not found or could be several people, a
/// change made offline to something someone else changed meanwhile. Nothing in it is applied by itself.
public final class CaptureReviewModel: Model, @unchecked Sendable {
    public static let schema = "capture_reviews"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Field(key: "capture_key") public var key: String
    @Field(key: "record_type") public var recordType: String
    /// The record it concerns, when there is one.
    @OptionalField(key: "record_id") public var recordID: UUID?
    /// Why it waits: `changedResend`, `namesNotFound`, `changedMeanwhile`.
    @Field(key: "reason") public var reason: String
    /// JSON: what was sent (field → value) and, by reason, the names not found or the value found stored.
    @Field(key: "content") public var content: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "dismissed_at") public var dismissedAt: Date?

    public var properties: [any AnyProperty] {
        [$id, $userID, $key, $recordType, $recordID, $reason, $content, $createdAt, $dismissedAt]
    }

    public init() {}
}
