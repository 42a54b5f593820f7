import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// What happens around the work. A restricted event (a security incident that names its source, say)
/// follows the restricted-record rule: invisible to roles that may not read restricted records.
public struct ContextEvents: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "context_event"

    public struct Query: Sendable, Equatable {
        public var kind: ContextEventKind?
        public var placeID: UUID?
        /// Events with any day in `from…to`.
        public var from: Day?
        public var to: Day?
        public var includeDeleted = false
        /// By start or title; the latest first when nil.
        public var order: ListOrder?
        public var page = 1
        public var perPage = 50

        public init() {}
    }

    /// The columns the list sorts by, and the field behind each.
    public static let orderFields: [String: FieldKey] = ["date": "starts_on", "title": "title"]

    /// Newest first, unless the query orders otherwise.
    public func list(_ query: Query, by actor: Actor) async throws -> ListPage<ContextEventSummary> {
        try actor.require(.readRecords)
        var builder = visible(to: actor, includeDeleted: query.includeDeleted)
        if let kind = query.kind { builder = builder.filter(\.$kind == kind) }
        if let to = query.to { builder = builder.filter(\.$startsOn <= to) }
        if let from = query.from { builder = builder.filter(\.$endsOn >= from) }
        if let place = query.placeID {
            builder = builder.filter(\.$id ~~ (try await ContextEventPlaceModel.owners(linkedTo: [place], on: database)))
        }
        let found = try await fetchPage(builder.sort(by: query.order, fields: Self.orderFields) { $0.sort(\.$startsOn, .descending).sort(\.$id) }, page: query.page, perPage: query.perPage)
        let places = try await placesOf(found.items.map { $0.id! })
        return found.map { Self.summary($0, places: places[$0.id!] ?? []) }
    }

    /// The events a timeline shows beside its engagements: those touching `from…to`, optionally only in
    /// some places, oldest first; at most `limit`.
    public func during(from: Day?, to: Day?, placeIDs: [UUID]? = nil, limit: Int = 100, by actor: Actor) async throws -> [ContextEventSummary] {
        var query = Query()
        query.from = from
        query.to = to
        query.perPage = limit
        var items: [ContextEventSummary]
        if let placeIDs {
            guard !placeIDs.isEmpty else { return [] }
            var builder = visible(to: actor, includeDeleted: false)
            if let to { builder = builder.filter(\.$startsOn <= to) }
            if let from { builder = builder.filter(\.$endsOn >= from) }
            let ids = try await ContextEventPlaceModel.owners(linkedTo: placeIDs, on: database)
            let models = try await builder.filter(\.$id ~~ ids).sort(\.$startsOn, .descending).limit(limit).all()
            let places = try await placesOf(models.map { $0.id! })
            items = models.map { Self.summary($0, places: places[$0.id!] ?? []) }
        } else {
            items = try await list(query, by: actor).items
        }
        return items.reversed()
    }

    /// Each event's places, in the reader's language, by name.
    func placesOf(_ ids: [UUID]) async throws -> [UUID: [RecordRef]] {
        try await Places(database: database, language: language).named(ContextEventPlaceModel.self, of: ids)
    }

    static func summary(_ model: ContextEventModel, places: [RecordRef]) -> ContextEventSummary {
        ContextEventSummary(
            id: model.id!, title: model.title, kind: model.kind, severity: model.severity,
            period: EventPeriod(startsOn: model.startsOn, endsOn: model.endsOn) ?? EventPeriod(startsOn: model.startsOn, endsOn: nil)!,
            confidentiality: model.confidentiality, places: places, isDeleted: model.deletedAt != nil)
    }

    public func record(_ model: ContextEventModel, by actor: Actor) async throws -> ContextEventRecord {
        let places = try await placesOf([model.id!])
        return ContextEventRecord(summary: Self.summary(model, places: places[model.id!] ?? []), description: model.details,
                                  sourceURL: model.sourceURL, version: model.version)
    }
}

extension ContextEventModel: ConfidentialRecord {
    public var auditLabel: String { title }
}
