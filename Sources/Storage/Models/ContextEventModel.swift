import Domain
import FluentKit
import Foundation

/// A context event: what happened around the work, when and where (`Domain.ContextEventKind`).
public final class ContextEventModel: Model, @unchecked Sendable {
    public static let schema = "context_events"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "kind") public var kind: ContextEventKind
    @Field(key: "severity") public var severity: Severity
    /// ISO days; a single-day event ends on the day it starts.
    @Field(key: "starts_on") public var startsOn: Day
    @Field(key: "ends_on") public var endsOn: Day
    @OptionalField(key: "description") public var details: String?
    @OptionalField(key: "source_url") public var sourceURL: String?
    @Field(key: "confidentiality") public var confidentiality: Confidentiality
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "updated_at") public var updatedAt: Date
    @OptionalField(key: "deleted_at") public var deletedAt: Date?
    @Field(key: "version") public var version: Int

    /// Listed by hand: Fluent otherwise finds them by reflection on every row it reads or writes, a
    /// tenth of a record page's time. `ModelPropertiesTests` checks the list against reflection.
    public var properties: [any AnyProperty] {
        [$id, $title, $kind, $severity, $startsOn, $endsOn, $details, $sourceURL, $confidentiality, $createdAt, $updatedAt, $deletedAt, $version]
    }

    public init() {}
}

/// A place where a context event happened.
public final class ContextEventPlaceModel: LinkModel, @unchecked Sendable {
    public static let schema = "context_event_places"

    @ID(key: .id) public var id: UUID?
    @Field(key: "event_id") public var eventID: UUID
    @Field(key: "place_id") public var placeID: UUID

    /// Listed by hand (see `ContextEventModel.properties`).
    public var properties: [any AnyProperty] { [$id, $eventID, $placeID] }

    public init() {}

    public static var owner: Link { \.$eventID }
    public static var target: Link { \.$placeID }
}
