import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

public struct PlaceInput: Sendable, Equatable {
    public var kind: String
    public var parentID: UUID?
    /// Language tag → name; at least one.
    public var names: [String: String]
    public var latitude: Double?
    public var longitude: Double?

    public init(kind: String, parentID: UUID? = nil, names: [String: String], latitude: Double? = nil, longitude: Double? = nil) {
        self.kind = kind
        self.parentID = parentID
        self.names = names
        self.latitude = latitude
        self.longitude = longitude
    }
}

public struct PlaceRecord: Sendable, Equatable, Codable {
    public var id: UUID
    public var kind: String
    /// The name in the reader's language (with fallback).
    public var name: String
    public var names: [String: String]
    public var parent: RecordRef?
    public var latitude: Double?
    public var longitude: Double?
    public var createdAt: Date
    public var updatedAt: Date
    public var version: Int
}

public struct PlacePageData: Sendable {
    public var place: PlaceRecord
    /// From the country down to the parent.
    public var path: [RecordRef]
    public var children: [RecordRef]
    public var people: [RecordRef]
    public var organizations: [RecordRef]
}

/// Countries, regions, municipalities and settlements, each named in several languages.
public struct Places: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    static let recordType = "place"

    /// Names in the reader's language for many places at once (one query).
    func names(of ids: [UUID]) async throws -> [UUID: String] {
        try await namesByLanguage(of: ids).mapValues { PlaceNames.display($0.map { ($0.key, $0.value) }, for: language) }
    }

    /// Every name (language → name) of many places, in one query.
    func namesByLanguage(of ids: [UUID]) async throws -> [UUID: [String: String]] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty, let sql = database as? any SQLDatabase else { return [:] }
        let rows = try await sql.select().column("place_id").column("language").column("name").from(PlaceNameModel.schema)
            .where("place_id", .in, SQLBind.group(unique)).all()
        var names: [UUID: [String: String]] = [:]
        for row in rows {
            names[try row.decode(column: "place_id", as: UUID.self), default: [:]][try row.decode(column: "language", as: String.self)]
                = try row.decode(column: "name", as: String.self)
        }
        return names
    }

    func ref(_ id: UUID) async throws -> RecordRef? {
        try await names(of: [id])[id].map { RecordRef(id: id, name: $0) }
    }

    public func list(text: String?, kind: PlaceKind?, parentID: UUID?, page: Int = 1, perPage: Int = 100, by actor: Actor) async throws -> ListPage<PlaceRecord> {
        try actor.require(.readRecords)
        var builder = PlaceModel.query(on: database).filter(\.$deletedAt == nil)
        if let text, !NameFolding.fold(text).isEmpty { builder = NameIndex.filter(builder, recordType: Self.recordType, text: text) }
        if let kind { builder = builder.filter(\.$kind == kind.rawValue) }
        if let parentID { builder = builder.filter(\.$parent.$id == parentID) }
        let found = try await fetchPage(builder.sort(\.$sortName).sort(\.$id), page: page, perPage: perPage)
        var items: [PlaceRecord] = []
        // Every name of the page's places and of their parents in one query, not two per place.
        let ids = found.items.compactMap(\.id)
        let allNames = try await namesByLanguage(of: ids + found.items.compactMap { $0.$parent.id })
        for model in found.items { items.append(record(model, names: allNames)) }
        return ListPage(items: items, page: found.page, perPage: found.perPage, total: found.total, totalIsAtLeast: found.totalIsAtLeast, hasMore: found.hasMore)
    }

    /// Every place with its path, for choosing one in a form ("Kosovo › Mitrovica › Mitrovica South").
    /// With a cache, the list is built again only when a place has changed since (see `ChoiceCache`).
    public func choices(by actor: Actor, cache: ChoiceCache? = nil) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        guard let sql = database as? any SQLDatabase else { return [] }
        guard let cache else { return try await buildChoices(sql: sql) }
        return try await cache.refs(table: PlaceModel.schema, key: language, sql: sql) { try await buildChoices(sql: sql) }
    }

    private func buildChoices(sql: any SQLDatabase) async throws -> [RecordRef] {
        // One joined query, read without building models: this list is on every people page.
        let rows = try await sql.select()
            .column(SQLColumn("id", table: PlaceModel.schema)).column(SQLColumn("parent_id", table: PlaceModel.schema))
            .column(SQLColumn("language", table: PlaceNameModel.schema)).column(SQLColumn("name", table: PlaceNameModel.schema))
            .from(PlaceModel.schema)
            .join(PlaceNameModel.schema, on: SQLColumn("place_id", table: PlaceNameModel.schema), .equal, SQLColumn("id", table: PlaceModel.schema))
            .where(SQLColumn("deleted_at", table: PlaceModel.schema), .is, SQLLiteral.null)
            .all()
        var parents: [UUID: UUID?] = [:]
        var names: [UUID: [(String, String)]] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: UUID.self)
            parents[id] = try row.decode(column: "parent_id", as: UUID?.self)
            names[id, default: []].append((try row.decode(column: "language", as: String.self), try row.decode(column: "name", as: String.self)))
        }
        var byID: [UUID: (parent: UUID?, name: String)] = [:]
        for (id, parent) in parents {
            byID[id] = (parent, PlaceNames.display((names[id] ?? []).map { ($0.0, $0.1) }, for: language))
        }
        func label(_ id: UUID) -> String {
            var parts: [String] = []
            var current: UUID? = id
            while let next = current, let entry = byID[next], parts.count < 10 {
                parts.insert(entry.name, at: 0)
                current = entry.parent
            }
            return parts.joined(separator: " › ")
        }
        return byID.keys.map { RecordRef(id: $0, name: label($0)) }.sorted { $0.name.lowercased() < $1.name.lowercased() }
    }

    public func get(_ id: UUID, by actor: Actor) async throws -> PlaceRecord {
        try await record(try await find(id, by: actor))
    }

    public func page(_ id: UUID, by actor: Actor) async throws -> PlacePageData {
        let model = try await find(id, by: actor)
        let place = try await record(model)
        var path: [RecordRef] = []
        var parent = model.$parent.id
        while let id = parent, path.count < 10, let parentModel = try await PlaceModel.find(id, on: database) {
            if let ref = try await ref(id) { path.insert(ref, at: 0) }
            parent = parentModel.$parent.id
        }
        let children = try await PlaceModel.query(on: database).filter(\.$parent.$id == id).filter(\.$deletedAt == nil).sort(\.$sortName).all()
        var childRefs: [RecordRef] = []
        let childNames = try await names(of: children.compactMap(\.id))
        for child in children { if let name = childNames[child.id!] { childRefs.append(RecordRef(id: child.id!, name: name)) } }
        var people = PersonModel.query(on: database).filter(\.$place.$id == id).filter(\.$deletedAt == nil)
        if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal.rawValue) }
        let peopleRefs = try await people.sort(\.$sortName).limit(200).all().map { RecordRef(id: $0.id!, name: $0.name) }
        let organizations = try await OrganizationModel.query(on: database).filter(\.$place.$id == id).filter(\.$deletedAt == nil)
            .sort(\.$sortName).limit(200).all().map { RecordRef(id: $0.id!, name: $0.name) }
        return PlacePageData(place: place, path: path, children: childRefs, people: peopleRefs, organizations: organizations)
    }

    func find(_ id: UUID, by actor: Actor, on db: (any Database)? = nil) async throws -> PlaceModel {
        try actor.require(.readRecords)
        guard let model = try await PlaceModel.find(id, on: db ?? database), model.deletedAt == nil else { throw DomainError.notFound("place") }
        return model
    }

    func record(_ model: PlaceModel) async throws -> PlaceRecord {
        record(model, names: try await namesByLanguage(of: [model.id!] + [model.$parent.id].compactMap { $0 }))
    }

    /// A place from its model and the names of it and its parent, already read.
    func record(_ model: PlaceModel, names all: [UUID: [String: String]]) -> PlaceRecord {
        let own = all[model.id!] ?? [:]
        let parent = model.$parent.id.flatMap { id in
            all[id].map { RecordRef(id: id, name: PlaceNames.display($0.map { ($0.key, $0.value) }, for: language)) }
        }
        return PlaceRecord(
            id: model.id!, kind: model.kind, name: PlaceNames.display(own.map { ($0.key, $0.value) }, for: language),
            names: own, parent: parent,
            latitude: model.latitude, longitude: model.longitude, createdAt: model.createdAt, updatedAt: model.updatedAt, version: model.version
        )
    }

    public func create(_ input: PlaceInput, by actor: Actor, now: Date = Date()) async throws -> PlaceRecord {
        try actor.require(.writeRecords)
        let model = PlaceModel()
        model.id = UUID()
        model.createdAt = now
        model.version = 1
        try await database.transaction { tx in
            let names = try await validate(input, for: model, on: tx)
            apply(input, names: names, to: model, now: now)
            try await model.create(on: tx)
            try await replaceNames(names, of: model, on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: PlaceNames.display(names.map { ($0.key, $0.value) }, for: language),
                                        changes: FieldChange.between([], Self.auditFields(model, names: names)), at: now, on: tx)
        }
        return try await record(model)
    }

    public func update(_ id: UUID, _ input: PlaceInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> PlaceRecord {
        try actor.require(.writeRecords)
        let model: PlaceModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, on: tx)
            let oldNames = Dictionary(try await PlaceNameModel.query(on: tx).filter(\.$place.$id == id).all().map { ($0.language, $0.name) }, uniquingKeysWith: { a, _ in a })
            let before = Self.auditFields(model, names: oldNames)
            let names = try await validate(input, for: model, on: tx)
            try requireVersion(expectedVersion, current: model.version)
            apply(input, names: names, to: model, now: now)
            let changes = FieldChange.between(before, Self.auditFields(model, names: names))
            guard !changes.isEmpty else { return model }
            model.version += 1
            try await model.update(on: tx)
            try await replaceNames(names, of: model, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id,
                                        recordLabel: PlaceNames.display(names.map { ($0.key, $0.value) }, for: language), changes: changes, at: now, on: tx)
            return model
        }
        return try await record(model)
    }

    /// Soft delete. A place that still contains places cannot go: those would be left without a parent.
    public func delete(_ id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        // Read before the transaction: inside it, only `tx` may be used (another connection would wait for it).
        let label = try await ref(id)?.name ?? ""
        try await database.transaction { tx in
            let model = try await find(id, by: actor, on: tx)
            if let expectedVersion { try requireVersion(expectedVersion, current: model.version) }
            if try await PlaceModel.query(on: tx).filter(\.$parent.$id == id).filter(\.$deletedAt == nil).count() > 0 {
                throw DomainError.notAllowed("place.hasChildren")
            }
            model.deletedAt = now
            model.updatedAt = now
            model.version += 1
            try await model.update(on: tx)
            try await NameIndex.setVisibility(.deleted, of: id, on: tx)
            try await AuditTrail.record(.delete, by: actor, recordType: Self.recordType, recordID: id, recordLabel: label,
                                        changes: [FieldChange(field: "deleted", from: nil, to: "yes")], at: now, on: tx)
        }
    }

    func validate(_ input: PlaceInput, for model: PlaceModel, on db: any Database) async throws -> [String: String] {
        var v = Validator()
        let kind = v.choice(input.kind, PlaceKind.self, "kind")
        var names: [String: String] = [:]
        v.check(input.names.count <= 20, "names", "field.tooMany", "20")
        for (language, raw) in input.names {
            let tag = language.trimmingWhitespace()
            guard let name = v.text(raw, "names", max: 200) else {
                v.add("names", "place.nameRequired")
                continue
            }
            if PlaceNames.isLanguageTag(tag) { names[tag] = name } else { v.add("names", "language.invalid") }
        }
        v.check(!input.names.isEmpty, "names", "place.nameRequired")
        if let lat = input.latitude { v.check((-90...90).contains(lat), "latitude", "place.latitude") }
        if let lon = input.longitude { v.check((-180...180).contains(lon), "longitude", "place.longitude") }
        v.check((input.latitude == nil) == (input.longitude == nil), "longitude", "place.coordinatesPair")
        if let parentID = input.parentID {
            if parentID == model.id {
                v.add("parentID", "place.parentSelf")
            } else if let parent = try await PlaceModel.find(parentID, on: db), parent.deletedAt == nil {
                if let kind, let parentKind = PlaceKind(rawValue: parent.kind), !kind.canBeInside(parentKind) {
                    v.add("parentID", "place.parentKind")
                }
            } else {
                v.add("parentID", "reference.unknown")
            }
        }
        try v.throwIfInvalid()
        return names
    }

    func apply(_ input: PlaceInput, names: [String: String], to model: PlaceModel, now: Date) {
        model.kind = input.kind.trimmingWhitespace()
        model.$parent.id = input.parentID
        model.sortName = NameFolding.fold(PlaceNames.display(names.map { ($0.key, $0.value) }, for: "en"))
        model.latitude = input.latitude
        model.longitude = input.longitude
        model.updatedAt = now
    }

    func replaceNames(_ names: [String: String], of model: PlaceModel, on db: any Database) async throws {
        let id = model.id!
        try await PlaceNameModel.query(on: db).filter(\.$place.$id == id).delete()
        for (language, name) in names.sorted(by: { $0.key < $1.key }) {
            try await PlaceNameModel(placeID: id, language: language, name: name).create(on: db)
        }
        try await NameIndex.replace(NameIndex.Entry(recordType: Self.recordType, id: id, names: Array(names.values), sortName: model.sortName,
                                                     visibility: model.deletedAt == nil ? .open : .deleted), on: db)
    }

    static func auditFields(_ model: PlaceModel, names: [String: String]) -> [(String, String?)] {
        [("kind", model.kind), ("parent", model.$parent.id?.uuidString),
         ("latitude", model.latitude.map { String($0) }), ("longitude", model.longitude.map { String($0) })]
            + names.keys.sorted().map { ("name.\($0)", names[$0]) }
    }
}
