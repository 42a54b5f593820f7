import FluentKit
import Foundation

/// The public update drafted from a visit: the author's headline, opening and closing words, and their
/// publication decisions (who is named, anonymised or left out; which quotes and photos stay out).
/// One row a visit; its changes are in the visit's history.
public final class PublicUpdateModel: Model, @unchecked Sendable {
    public static let schema = "public_updates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "visit_id") public var visitID: UUID
    @OptionalField(key: "headline") public var headline: String?
    @OptionalField(key: "lead") public var lead: String?
    @OptionalField(key: "closing") public var closing: String?
    /// `PublicationCheck.Decisions` as JSON.
    @Field(key: "decisions") public var decisionsJSON: String
    @Field(key: "updated_at") public var updatedAt: Date
    @Field(key: "version") public var version: Int

    /// Listed by hand (see `ModelPropertiesTests`).
    public var properties: [any AnyProperty] { [$id, $visitID, $headline, $lead, $closing, $decisionsJSON, $updatedAt, $version] }

    public init() {}
}
