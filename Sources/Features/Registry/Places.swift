import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Countries, regions, municipalities and settlements, each named in several languages.
public struct Places: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "place"

    /// Names in the reader's language for many places at once (one query).
    func names(of ids: [UUID]) async throws -> [UUID: String] {
        try await namesByLanguage(of: ids).mapValues { PlaceNames.display($0.map { ($0.key, $0.value) }, for: language) }
    }

    /// Each record's places through a link table (an event's, an activity's), named in the reader's language
    /// and sorted by name: two queries for any number of records.
    func named<Link: LinkModel>(_ link: Link.Type, of owners: [UUID]) async throws -> [UUID: [RecordRef]] {
        let links = try await link.targets(of: owners, on: database)
        let names = try await names(of: Array(links.values.joined()))
        return links.mapValues { places in
            places.compactMap { id in names[id].map { RecordRef(id: id, name: $0) } }.sorted { $0.name < $1.name }
        }
    }

    /// Every name (language → name) of many places, in one query.
    func namesByLanguage(of ids: [UUID]) async throws -> [UUID: [String: String]] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let sql = database.sql
        let rows = try await sql.select().column("place_id").column("language").column("name").from(PlaceNameModel.schema)
            .where(SQLAnyOf(SQLColumn("place_id"), unique)).allPrepared()
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
        if let kind { builder = builder.filter(\.$kind == kind) }
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
        let sql = database.sql
        guard let cache else { return try await buildChoices(sql: sql) }
        return try await cache.refs(PlacesFingerprint.self, key: language, database: database) { try await buildChoices(sql: sql) }
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

    public func page(_ id: UUID, by actor: Actor) async throws -> PlacePageData {
        let model = try await find(id, by: actor)
        let place = try await record(model, by: actor)
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
        if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal) }
        // Who lives or works here tells each one's place: not listed for a reader from whom place is hidden.
        let peopleRefs = try await FieldAccess.of(actor, on: database).hides(.place) ? []
            : try await people.sort(\.$sortName).limit(200).all().map { RecordRef(id: $0.id!, name: $0.name) }
        let organizations = try await OrganizationModel.query(on: database).filter(\.$place.$id == id).filter(\.$deletedAt == nil)
            .sort(\.$sortName).limit(200).all().map { RecordRef(id: $0.id!, name: $0.name) }
        return PlacePageData(place: place, path: path, children: childRefs, people: peopleRefs, organizations: organizations)
    }

    public func record(_ model: PlaceModel, by actor: Actor) async throws -> PlaceRecord {
        record(model, names: try await namesByLanguage(of: [model.id!] + [model.$parent.id].compactMap { $0 }))
    }

    /// A place from its model and the names of it and its parent, already read.
    func record(_ model: PlaceModel, names all: [UUID: [String: String]]) -> PlaceRecord {
        let own = all[model.id!] ?? [:]
        let parent = model.$parent.id.flatMap { id in
            all[id].map { RecordRef(id: id, name: PlaceNames.display($0.map { ($0.key, $0.value) }, for: language)) }
        }
        return PlaceRecord(
            id: model.id!, kind: model.kind.rawValue, name: PlaceNames.display(own.map { ($0.key, $0.value) }, for: language),
            names: own, parent: parent,
            latitude: model.latitude, longitude: model.longitude, createdAt: model.createdAt, updatedAt: model.updatedAt, version: model.version,
            deletedAt: model.deletedAt
        )
    }
}
