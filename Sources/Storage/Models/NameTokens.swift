import FluentKit
import Foundation

/// One folded word of a record's names. Filtering by name is a prefix look-up on an index of these,
/// which stays fast at 100,000 people where `LIKE '%…%'` would scan every row.
public final class NameTokenModel: Model, @unchecked Sendable {
    public static let schema = "name_tokens"
    /// Prefix look-ups: (record_type, token, visibility, record_id, sort_name, words).
    public static let lookupIndex = "name_tokens_lookup"
    /// The same rows in list order: (record_type, sort_name, record_id, token, visibility, words).
    public static let nameOrderIndex = "name_tokens_name_order"

    @ID(key: .id) public var id: UUID?
    @Field(key: "record_type") public var recordType: String
    @Field(key: "record_id") public var recordID: UUID
    @Field(key: "token") public var token: String
    @Field(key: "sort_name") public var sortName: String
    /// 0 open, 1 restricted, 2 deleted (see `NameIndex.Visibility`).
    @Field(key: "visibility") public var visibility: Int
    /// All the record's words, each with a space before and after (" agon krasniqi "): a second filter word
    /// is checked by finding " agon" here.
    @Field(key: "words") public var words: String

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $recordType, $recordID, $token, $sortName, $visibility, $words] }

    public init() {}

    public init(recordType: String, recordID: UUID, token: String, sortName: String, visibility: Int, words: String) {
        self.id = UUID()
        self.recordType = recordType
        self.recordID = recordID
        self.token = token
        self.sortName = sortName
        self.visibility = visibility
        self.words = words
    }
}
