import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

public struct ContextEventInput: Sendable, Equatable {
    public var title: String
    public var kind: String
    public var severity: String
    public var startsOn: String
    /// Empty for a single day.
    public var endsOn: String?
    public var description: String?
    public var sourceURL: String?
    public var confidentiality: String = Confidentiality.internal.rawValue
    public var placeIDs: [UUID] = []

    public init(title: String, kind: String, severity: String, startsOn: String) {
        self.title = title
        self.kind = kind
        self.severity = severity
        self.startsOn = startsOn
    }
}

public struct ContextEventSummary: Sendable, Equatable, Codable {
    public var id: UUID
    public var title: String
    public var kind: ContextEventKind
    public var severity: Severity
    public var period: EventPeriod
    public var confidentiality: Confidentiality
    public var places: [RecordRef]
    public var isDeleted: Bool
}

public struct ContextEventRecord: Sendable, Equatable, Codable {
    public var summary: ContextEventSummary
    public var description: String?
    public var sourceURL: String?
    public var version: Int

    public var id: UUID { summary.id }
}

/// What happens around the work. A restricted event (a security incident that names its source, say)
/// follows the restricted-record rule: invisible to roles that may not read restricted records.
public struct ContextEvents: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    static let recordType = "context_event"

    public struct Query: Sendable, Equatable {
        public var kind: ContextEventKind?
        public var placeID: UUID?
        /// Events with any day in `from…to`.
        public var from: Day?
        public var to: Day?
        public var includeDeleted = false
        public var page = 1
        public var perPage = 50

        public init() {}
    }

    /// Newest first.
    public func list(_ query: Query, by actor: Actor) async throws -> ListPage<ContextEventSummary> {
        try actor.require(.readRecords)
        var builder = visible(to: actor, includeDeleted: query.includeDeleted)
        if let kind = query.kind { builder = builder.filter(\.$kind == kind.rawValue) }
        if let to = query.to { builder = builder.filter(\.$startsOn <= to.description) }
        if let from = query.from { builder = builder.filter(\.$endsOn >= from.description) }
        if let place = query.placeID {
            let ids = try await ContextEventPlaceModel.query(on: database).filter(\.$placeID == place).all().map(\.eventID)
            builder = builder.filter(\.$id ~~ ids)
        }
        let found = try await fetchPage(builder.sort(\.$startsOn, .descending).sort(\.$id), page: query.page, perPage: query.perPage)
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
            if let to { builder = builder.filter(\.$startsOn <= to.description) }
            if let from { builder = builder.filter(\.$endsOn >= from.description) }
            let ids = try await ContextEventPlaceModel.query(on: database).filter(\.$placeID ~~ placeIDs).all().map(\.eventID)
            let models = try await builder.filter(\.$id ~~ ids).sort(\.$startsOn, .descending).limit(limit).all()
            let places = try await placesOf(models.map { $0.id! })
            items = models.map { Self.summary($0, places: places[$0.id!] ?? []) }
        } else {
            items = try await list(query, by: actor).items
        }
        return items.reversed()
    }

    public func get(_ id: UUID, by actor: Actor) async throws -> ContextEventRecord {
        try await record(try await find(id, by: actor))
    }

    func find(_ id: UUID, by actor: Actor, includeDeleted: Bool = true, on db: (any Database)? = nil) async throws -> ContextEventModel {
        try await ConfidentialRecords.find(ContextEventModel.self, id, recordType: "context_event", by: actor, includeDeleted: includeDeleted, on: db ?? database)
    }

    func visible(to actor: Actor, includeDeleted: Bool) -> QueryBuilder<ContextEventModel> {
        ConfidentialRecords.visible(ContextEventModel.self, to: actor, includeDeleted: includeDeleted, on: database)
    }

    /// Each event's places, in the reader's language, by name.
    func placesOf(_ ids: [UUID]) async throws -> [UUID: [RecordRef]] {
        guard !ids.isEmpty else { return [:] }
        let links = try await ContextEventPlaceModel.query(on: database).filter(\.$eventID ~~ ids).all()
        let names = try await Places(database: database, language: language).names(of: Array(Set(links.map(\.placeID))))
        var places: [UUID: [RecordRef]] = [:]
        for link in links {
            if let name = names[link.placeID] { places[link.eventID, default: []].append(RecordRef(id: link.placeID, name: name)) }
        }
        return places.mapValues { $0.sorted { $0.name < $1.name } }
    }

    static func summary(_ model: ContextEventModel, places: [RecordRef]) -> ContextEventSummary {
        let start = Day(model.startsOn) ?? Day(year: 2000, month: 1, day: 1)!
        return ContextEventSummary(
            id: model.id!, title: model.title, kind: ContextEventKind(rawValue: model.kind) ?? .other,
            severity: Severity(rawValue: model.severity) ?? .moderate,
            period: EventPeriod(startsOn: start, endsOn: Day(model.endsOn)) ?? EventPeriod(startsOn: start, endsOn: nil)!,
            confidentiality: Confidentiality(rawValue: model.confidentiality) ?? .restricted, places: places, isDeleted: model.deletedAt != nil)
    }

    func record(_ model: ContextEventModel) async throws -> ContextEventRecord {
        let places = try await placesOf([model.id!])
        return ContextEventRecord(summary: Self.summary(model, places: places[model.id!] ?? []), description: model.details,
                                  sourceURL: model.sourceURL, version: model.version)
    }

    // MARK: Writing

    public func create(_ input: ContextEventInput, by actor: Actor, now: Date = Date()) async throws -> ContextEventRecord {
        try actor.require(.writeRecords)
        let model = ContextEventModel()
        model.id = UUID()
        model.createdAt = now
        model.version = 1
        try await database.transaction { tx in
            try await apply(input, to: model, by: actor, now: now, on: tx)
            try await model.create(on: tx)
            try await replacePlaces(of: model.id!, with: input.placeIDs, on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: model.title,
                                        changes: FieldChange.between([], Self.auditFields(model, placeIDs: input.placeIDs)), at: now, on: tx)
        }
        return try await record(model)
    }

    public func update(_ id: UUID, _ input: ContextEventInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> ContextEventRecord {
        try actor.require(.writeRecords)
        let model: ContextEventModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            let places = try await ContextEventPlaceModel.query(on: tx).filter(\.$eventID == id).all().map(\.placeID)
            let before = Self.auditFields(model, placeIDs: places)
            try await apply(input, to: model, by: actor, now: now, on: tx)
            try requireVersion(expectedVersion, current: model.version)
            let changes = FieldChange.between(before, Self.auditFields(model, placeIDs: input.placeIDs))
            guard !changes.isEmpty else { return model }
            model.version += 1
            try await model.update(on: tx)
            try await replacePlaces(of: id, with: input.placeIDs, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.title,
                                        changes: changes, at: now, on: tx)
            return model
        }
        return try await record(model)
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            try await SoftDelete.delete(model, recordType: Self.recordType, expectedVersion: expectedVersion, by: actor, now: now, on: tx)
        }
    }

    public func restore(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> ContextEventRecord {
        try actor.require(.restoreRecords)
        let model: ContextEventModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, on: tx)
            try await SoftDelete.restore(model, recordType: Self.recordType, by: actor, now: now, on: tx)
            return model
        }
        return try await record(model)
    }

    func apply(_ input: ContextEventInput, to model: ContextEventModel, by actor: Actor, now: Date, on db: any Database) async throws {
        var v = Validator()
        let title = v.text(input.title, "title", required: true, max: 200)
        let kind = v.choice(input.kind, ContextEventKind.self, "kind")
        let severity = v.choice(input.severity, Severity.self, "severity")
        let starts = v.day(input.startsOn, "startsOn")
        v.check(!input.startsOn.trimmingWhitespace().isEmpty, "startsOn", "field.required")
        let ends = v.day(input.endsOn, "endsOn")
        let period = starts.flatMap { EventPeriod(startsOn: $0, endsOn: ends) }
        if starts != nil, ends != nil { v.check(period != nil, "endsOn", "context.endsBeforeStart") }
        let description = v.text(input.description, "description", max: 20_000)
        let source = v.text(input.sourceURL, "sourceURL", max: 2_000)
        if let source { v.check(Self.isWebAddress(source), "sourceURL", "context.sourceInvalid") }
        let confidentiality = v.choice(input.confidentiality, Confidentiality.self, "confidentiality")
        // As with engagements: only those who may write restricted records mark one restricted.
        if confidentiality == .restricted { v.check(actor.can(.writeRestricted), "confidentiality", "context.restrictedNotAllowed") }
        v.check(input.placeIDs.count <= 50, "placeIDs", "field.tooMany", "50")
        try v.throwIfInvalid()
        if !input.placeIDs.isEmpty {
            let found = try await PlaceModel.query(on: db).filter(\.$id ~~ input.placeIDs).filter(\.$deletedAt == nil).count()
            v.check(found == Set(input.placeIDs).count, "placeIDs", "reference.unknown")
            try v.throwIfInvalid()
        }
        model.title = title!
        model.kind = kind!.rawValue
        model.severity = severity!.rawValue
        model.startsOn = period!.startsOn.description
        model.endsOn = period!.endsOn.description
        model.details = description
        model.sourceURL = source
        model.confidentiality = confidentiality!.rawValue
        model.updatedAt = now
    }

    /// A source is a link someone can follow: http or https with a host.
    static func isWebAddress(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else { return false }
        return scheme == "https" || scheme == "http"
    }

    func replacePlaces(of id: UUID, with placeIDs: [UUID], on db: any Database) async throws {
        try await ContextEventPlaceModel.query(on: db).filter(\.$eventID == id).delete()
        for place in Set(placeIDs) { try await ContextEventPlaceModel(eventID: id, placeID: place).create(on: db) }
    }

    static func auditFields(_ model: ContextEventModel, placeIDs: [UUID]) -> [(String, String?)] {
        [("title", model.title), ("kind", model.kind), ("severity", model.severity), ("startsOn", model.startsOn), ("endsOn", model.endsOn),
         ("description", model.details), ("sourceURL", model.sourceURL), ("confidentiality", model.confidentiality),
         ("places", placeIDs.isEmpty ? nil : Set(placeIDs).map(\.uuidString).sorted().joined(separator: ", "))]
    }
}

extension ContextEventModel: ConfidentialRecord {
    var auditLabel: String { title }
}
