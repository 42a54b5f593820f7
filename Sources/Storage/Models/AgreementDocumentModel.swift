import FluentKit
import Foundation

/// A signed copy or annex of an agreement; the file lives in the file folder, named by identity.
public final class AgreementDocumentModel: Model, @unchecked Sendable {
    public static let schema = "agreement_documents"

    @ID(key: .id) public var id: UUID?
    @Field(key: "agreement_id") public var agreementID: UUID
    @Field(key: "title") public var title: String
    @Field(key: "file_name") public var fileName: String
    @Field(key: "byte_count") public var byteCount: Int
    @Field(key: "created_at") public var createdAt: Date

    /// Listed by hand (see `AgreementModel.properties`).
    public var properties: [any AnyProperty] { [$id, $agreementID, $title, $fileName, $byteCount, $createdAt] }

    public init() {}
}
