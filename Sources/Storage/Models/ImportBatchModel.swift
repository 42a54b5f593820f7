import FluentKit
import Foundation

/// A spreadsheet being imported on the web: kept from upload until it is imported (or abandoned), with the
/// user's column mapping and duplicate decisions. Only its owner sees it.
public final class ImportBatchModel: Model, @unchecked Sendable {
    public static let schema = "import_batches"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    /// An `ImportKind`. Text here, like `status`, because both vocabularies belong to the import (Features), not the domain.
    @Field(key: "kind") public var kind: String
    @Field(key: "file_name") public var fileName: String
    /// The file as uploaded (checked to be UTF-8 text first).
    @Field(key: "content") public var content: String
    /// `ImportMapping` as JSON.
    @Field(key: "mapping") public var mappingJSON: String
    /// `ImportDecisions` as JSON.
    @Field(key: "decisions") public var decisionsJSON: String
    /// staged, running, done or failed.
    @Field(key: "status") public var status: String
    @OptionalField(key: "created_count") public var createdCount: Int?
    @OptionalField(key: "merged_count") public var mergedCount: Int?
    @OptionalField(key: "failure") public var failure: String?
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date

    /// Listed by hand (see `ModelPropertiesTests`).
    public var properties: [any AnyProperty] {
        [$id, $userID, $kind, $fileName, $content, $mappingJSON, $decisionsJSON, $status, $createdCount, $mergedCount, $failure, $createdAt, $updatedAt]
    }

    public init() {}
}

/// Two records a user said are not the same, so the duplicates page stops pairing them.
public final class DuplicateDismissalModel: Model, @unchecked Sendable {
    public static let schema = "duplicate_dismissals"

    @ID(key: .id) public var id: UUID?
    /// `person` or `organization`: the duplicates page's kinds (Features), text like the audit trail's record types.
    @Field(key: "record_type") public var recordType: String
    /// The smaller of the two ids (as text), so that a pair is stored one way only.
    @Field(key: "first_id") public var firstID: UUID
    @Field(key: "second_id") public var secondID: UUID
    @Field(key: "dismissed_by") public var dismissedBy: String
    @Field(key: "dismissed_at") public var dismissedAt: Date

    public var properties: [any AnyProperty] { [$id, $recordType, $firstID, $secondID, $dismissedBy, $dismissedAt] }

    public init() {}
}
