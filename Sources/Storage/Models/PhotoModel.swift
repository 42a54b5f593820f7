import Domain
import FluentKit
import Foundation

/// A photo of an engagement. The image itself is a file in the photo folder (`file_name`, and a smaller
/// copy `small_file_name` when one could be made); the database keeps what it shows and who may see it.
public final class PhotoModel: Model, @unchecked Sendable {
    public static let schema = "photos"

    @ID(key: .id) public var id: UUID?
    @Field(key: "engagement_id") public var engagementID: UUID
    /// `jpeg`, `png` or `webp`, from the content.
    @Field(key: "kind") public var kind: ImageFile.Kind
    @Field(key: "file_name") public var fileName: String
    @OptionalField(key: "small_file_name") public var smallFileName: String?
    @Field(key: "byte_count") public var byteCount: Int
    @OptionalField(key: "caption") public var caption: String?
    @OptionalField(key: "credit") public var credit: String?
    /// JSON array of the identities of the people shown.
    @Field(key: "people_shown") public var peopleShownJSON: String
    @Field(key: "created_at") public var createdAt: Date

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $engagementID, $kind, $fileName, $smallFileName, $byteCount, $caption, $credit, $peopleShownJSON, $createdAt] }

    public init() {}
}
