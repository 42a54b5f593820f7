import FluentKit
import Foundation

/// Something said at an engagement, by a named person or by someone described ("a community representative").
public final class QuoteModel: Model, @unchecked Sendable {
    public static let schema = "quotes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "engagement_id") public var engagementID: UUID
    @OptionalField(key: "speaker_id") public var speakerID: UUID?
    /// How an unnamed speaker is described.
    @OptionalField(key: "speaker_label") public var speakerLabel: String?
    @Field(key: "text") public var text: String
    /// Language tag of the words as said (sq, sr-Latn, en …).
    @Field(key: "language") public var language: String
    /// Never for publication, whatever the speaker's consent says.
    @Field(key: "withheld") public var withheld: Bool
    @Field(key: "created_at") public var createdAt: Date

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] { [$id, $engagementID, $speakerID, $speakerLabel, $text, $language, $withheld, $createdAt] }

    public init() {}
}
