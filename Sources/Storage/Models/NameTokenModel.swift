import FluentKit
import Foundation

/// One folded word of a record's names. Filtering by name is a prefix look-up on an index of these,
/// which stays fast at 100,000 people where `LIKE '%…%'` would scan every row.
public final class NameTokenModel: Model, @unchecked Sendable {
    public static let schema = "name_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "record_type") public var recordType: String
    @Field(key: "record_id") public var recordID: UUID
    @Field(key: "token") public var token: String
    @Field(key: "sort_name") public var sortName: String
    /// 0 open, 1 restricted, 2 deleted (see `NameIndex.Visibility`).
    @Field(key: "visibility") public var visibility: Int

    public init() {}

    public init(recordType: String, recordID: UUID, token: String, sortName: String, visibility: Int) {
        self.id = UUID()
        self.recordType = recordType
        self.recordID = recordID
        self.token = token
        self.sortName = sortName
        self.visibility = visibility
    }
}
