import FluentKit
import Foundation

/// A list's filters as one user saved them under a name: the list and its address's query, to open again.
public final class SavedFilterModel: Model, @unchecked Sendable {
    public static let schema = "saved_filters"

    @ID(key: .id) public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    /// The list's path on the site (`people`, `engagements`).
    @Field(key: "list") public var list: String
    @Field(key: "name") public var name: String
    /// The list's query without its page (`community=…&sort=-name`).
    @Field(key: "query") public var query: String
    @Field(key: "created_at") public var createdAt: Date

    public var properties: [any AnyProperty] { [$id, $userID, $list, $name, $query, $createdAt] }

    public init() {}

    public init(id: UUID = UUID(), userID: UUID, list: String, name: String, query: String, createdAt: Date) {
        self.id = id
        self.userID = userID
        self.list = list
        self.name = name
        self.query = query
        self.createdAt = createdAt
    }
}
