import Domain
import FluentKit
import Foundation
import Storage

public struct OrganizationInput: Sendable, Equatable {
    public var name: String
    public var otherNames: [String] = []
    public var kind: String = OrganizationKind.other.rawValue
    public var level: String?
    public var parentID: UUID?
    public var placeID: UUID?
    public var website: String?
    public var notes: String?

    public init(name: String) { self.name = name }
}

public struct OrganizationRecord: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var otherNames: [String]
    public var kind: String
    public var level: String?
    public var parent: RecordRef?
    public var place: RecordRef?
    public var website: String?
    public var notes: String?
    public var createdAt: Date
    public var updatedAt: Date
    public var deletedAt: Date?
    public var version: Int
}

public struct OrganizationRow: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var otherNames: [String]
    public var kind: String
    public var level: String?
    public var place: String?
    public var deleted: Bool
}

public struct OrganizationPageData: Sendable {
    public var organization: OrganizationRecord
    /// People over time: current roles first, then past ones. Restricted people are left out for
    /// roles that may not see them.
    public var positions: [PositionRecord]
    public var children: [RecordRef]
}

/// Organisations: government bodies, municipalities, NGOs, international missions …
public struct Organizations: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    static let recordType = "organization"

    public struct Query: Sendable, Equatable {
        public var text: String?
        public var kind: OrganizationKind?
        public var level: GovernanceLevel?
        public var placeID: UUID?
        public var includeDeleted = false
        public var sort: SortOrder = .name
        public var page = 1
        public var perPage = 50

        public init() {}
    }

    public func list(_ query: Query, by actor: Actor) async throws -> ListPage<OrganizationRow> {
        try actor.require(.readRecords)
        var builder = OrganizationModel.query(on: database)
        if !(query.includeDeleted && actor.can(.restoreRecords)) { builder = builder.filter(\.$deletedAt == nil) }
        if let text = query.text, !NameFolding.fold(text).isEmpty {
            builder = NameIndex.filter(builder, recordType: Self.recordType, text: text)
        }
        if let kind = query.kind { builder = builder.filter(\.$kind == kind.rawValue) }
        if let level = query.level { builder = builder.filter(\.$level == level.rawValue) }
        if let id = query.placeID { builder = builder.filter(\.$place.$id == id) }
        switch query.sort {
        case .name: builder = builder.sort(\.$sortName, .ascending).sort(\.$id, .ascending)
        case .nameDescending: builder = builder.sort(\.$sortName, .descending).sort(\.$id, .descending)
        case .updated: builder = builder.sort(\.$updatedAt, .descending).sort(\.$id, .descending)
        }
        let page = try await fetchPage(builder, page: query.page, perPage: min(query.perPage, 200))
        let placeNames = try await Places(database: database, language: language).names(of: page.items.compactMap { $0.$place.id })
        return page.map { model in
            OrganizationRow(id: model.id!, name: model.name, otherNames: JSONList.decode(model.otherNamesJSON), kind: model.kind,
                            level: model.level, place: model.$place.id.flatMap { placeNames[$0] }, deleted: model.deletedAt != nil)
        }
    }

    public func get(_ id: UUID, by actor: Actor) async throws -> OrganizationRecord {
        try await record(try await find(id, by: actor))
    }

    public func page(_ id: UUID, by actor: Actor) async throws -> OrganizationPageData {
        let model = try await find(id, by: actor)
        let positions = try await Positions(database: database).of(organizationID: id, by: actor)
        let children = try await OrganizationModel.query(on: database).filter(\.$parent.$id == id).filter(\.$deletedAt == nil)
            .sort(\.$sortName).all().map { RecordRef(id: $0.id!, name: $0.name) }
        return OrganizationPageData(organization: try await record(model), positions: positions, children: children)
    }

    func find(_ id: UUID, by actor: Actor, includeDeleted: Bool = true, on db: (any Database)? = nil) async throws -> OrganizationModel {
        try actor.require(.readRecords)
        guard let model = try await OrganizationModel.find(id, on: db ?? database),
              model.deletedAt == nil || (includeDeleted && actor.can(.restoreRecords))
        else { throw DomainError.notFound("organization") }
        return model
    }

    func record(_ model: OrganizationModel) async throws -> OrganizationRecord {
        let parent = try await model.$parent.get(on: database).map { RecordRef(id: $0.id!, name: $0.name) }
        let place = try await model.$place.id.asyncMap { try await Places(database: database, language: language).ref($0) } ?? nil
        return OrganizationRecord(
            id: model.id!, name: model.name, otherNames: JSONList.decode(model.otherNamesJSON), kind: model.kind, level: model.level,
            parent: parent, place: place, website: model.website, notes: model.notes, createdAt: model.createdAt,
            updatedAt: model.updatedAt, deletedAt: model.deletedAt, version: model.version
        )
    }

    public func create(_ input: OrganizationInput, by actor: Actor, now: Date = Date()) async throws -> OrganizationRecord {
        try actor.require(.writeRecords)
        let model = OrganizationModel()
        model.id = UUID()
        model.createdAt = now
        model.version = 1
        try await database.transaction { tx in
            try await apply(input, to: model, now: now, on: tx)
            try await model.create(on: tx)
            try await NameIndex.replace(NameIndex.Entry(recordType: Self.recordType, id: model.id!, names: [model.name] + JSONList.decode(model.otherNamesJSON),
                                                         sortName: model.sortName, visibility: model.nameVisibility), on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: model.name,
                                        changes: FieldChange.between([], model.auditFields), at: now, on: tx)
        }
        return try await record(model)
    }

    public func update(_ id: UUID, _ input: OrganizationInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> OrganizationRecord {
        try actor.require(.writeRecords)
        let model: OrganizationModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            let before = model.auditFields
            // Validate first: bad input is reported as such, whatever version it claims.
            try await apply(input, to: model, now: now, on: tx)
            try requireVersion(expectedVersion, current: model.version)
            let changes = FieldChange.between(before, model.auditFields)
            guard !changes.isEmpty else { return model }
            model.version += 1
            try await model.update(on: tx)
            try await NameIndex.replace(NameIndex.Entry(recordType: Self.recordType, id: model.id!, names: [model.name] + JSONList.decode(model.otherNamesJSON),
                                                         sortName: model.sortName, visibility: model.nameVisibility), on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.name,
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

    public func restore(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> OrganizationRecord {
        try actor.require(.restoreRecords)
        let model: OrganizationModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, on: tx)
            try await SoftDelete.restore(model, recordType: Self.recordType, by: actor, now: now, on: tx)
            return model
        }
        return try await record(model)
    }

    func apply(_ input: OrganizationInput, to model: OrganizationModel, now: Date, on db: any Database) async throws {
        var v = Validator()
        let name = v.text(input.name, "name", required: true, max: 300)
        let otherNames = v.list(input.otherNames, "otherNames")
        let kind = v.choice(input.kind, OrganizationKind.self, "kind")
        let level = v.choice(input.level, GovernanceLevel.self, "level", required: false)
        let website = v.text(input.website, "website", max: 500)
        if let website { v.check(website.hasPrefix("https://") || website.hasPrefix("http://"), "website", "website.invalid") }
        let notes = v.text(input.notes, "notes", max: 20_000)
        if let parentID = input.parentID {
            if parentID == model.id {
                v.add("parentID", "organization.parentSelf")
            } else if try await OrganizationModel.query(on: db).filter(\.$id == parentID).filter(\.$deletedAt == nil).count() == 0 {
                v.add("parentID", "reference.unknown")
            } else if let id = model.id, try await isAncestor(id, of: parentID, on: db) {
                v.add("parentID", "organization.parentCycle")
            }
        }
        if let placeID = input.placeID, try await PlaceModel.query(on: db).filter(\.$id == placeID).filter(\.$deletedAt == nil).count() == 0 {
            v.add("placeID", "reference.unknown")
        }
        try v.throwIfInvalid()
        model.name = name!
        model.sortName = NameFolding.fold(name!)
        model.otherNamesJSON = JSONList.encode(otherNames)
        model.kind = kind!.rawValue
        model.level = level?.rawValue
        model.$parent.id = input.parentID
        model.$place.id = input.placeID
        model.website = website
        model.notes = notes
        model.updatedAt = now
    }

    /// Whether `ancestor` is `id`'s parent, grandparent … (so making it `id`'s child would loop).
    func isAncestor(_ ancestor: UUID, of id: UUID, on db: any Database) async throws -> Bool {
        var current: UUID? = id
        var steps = 0
        while let next = current, steps < 50 {
            if next == ancestor { return true }
            current = try await OrganizationModel.find(next, on: db)?.$parent.id
            steps += 1
        }
        return false
    }
}

extension OrganizationModel {
    var auditFields: [(String, String?)] {
        [
            ("name", name), ("otherNames", JSONList.decode(otherNamesJSON).joined(separator: "; ")), ("kind", kind), ("level", level),
            ("parent", $parent.id?.uuidString), ("place", $place.id?.uuidString), ("website", website),
            ("notes", notes == nil ? nil : "(\(notes!.count) characters)"), ("deleted", deletedAt == nil ? nil : "yes"),
        ]
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension Organizations {
    /// Every live organisation's name, for choosing a parent. (Parents are few compared with people;
    /// at 10,000 organisations this is a long but workable list.)
    public func choices(by actor: Actor) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        return try await OrganizationModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$sortName)
            .field(\.$id).field(\.$name).all().map { RecordRef(id: $0.id!, name: $0.name) }
    }

    /// Up to `limit` organisations whose names match, for finders.
    public func matching(_ text: String, limit: Int = 30, by actor: Actor) async throws -> [RecordRef] {
        var query = Query()
        query.text = text
        query.perPage = limit
        return try await list(query, by: actor).items.map { RecordRef(id: $0.id, name: $0.name) }
    }
}

extension People {
    /// Up to `limit` people whose names match, for finders; restricted people only for those who may see them.
    public func matching(_ text: String, limit: Int = 30, by actor: Actor, today: Day) async throws -> [RecordRef] {
        var query = Query()
        query.text = text
        query.perPage = limit
        return try await list(query, by: actor, today: today).items.map { RecordRef(id: $0.id, name: $0.name) }
    }
}
