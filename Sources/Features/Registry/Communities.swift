import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

public struct CommunityInput: Sendable, Equatable {
    public var name: String
    public var status: String
    public var regionID: UUID?
    public var notes: String?

    public init(name: String, status: String, regionID: UUID? = nil, notes: String? = nil) {
        self.name = name
        self.status = status
        self.regionID = regionID
        self.notes = notes
    }
}

public struct CommunityRecord: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var status: String
    public var region: RecordRef?
    public var notes: String?
    public var version: Int
}

/// The communities a deployment works with, defined by its administrators. Nothing is built in.
public struct Communities: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    static let recordType = "community"

    public func list(by actor: Actor) async throws -> [CommunityRecord] {
        try actor.require(.readRecords)
        let models = try await CommunityModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$name).all()
        // One query for all the regions' names, not one per community: this list is on every people page.
        let regions = try await Places(database: database, language: language).names(of: models.compactMap { $0.$region.id })
        return models.map { model in
            let region = model.$region.id.flatMap { id in regions[id].map { RecordRef(id: id, name: $0) } }
            return CommunityRecord(id: model.id!, name: model.name, status: model.status, region: region, notes: model.notes, version: model.version)
        }
    }

    /// The communities by name, for menus; with a cache, read again only when a community has changed.
    public func choices(by actor: Actor, cache: ChoiceCache? = nil) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        let load = { try await list(by: actor).map { RecordRef(id: $0.id, name: $0.name) } }
        guard let cache, let sql = database as? any SQLDatabase else { return try await load() }
        return try await cache.refs(table: CommunityModel.schema, key: "", sql: sql, load: load)
    }

    public func get(_ id: UUID, by actor: Actor) async throws -> CommunityRecord {
        try actor.require(.readRecords)
        guard let model = try await CommunityModel.find(id, on: database), model.deletedAt == nil else { throw DomainError.notFound("community") }
        return try await record(model)
    }

    func record(_ model: CommunityModel) async throws -> CommunityRecord {
        let region = try await model.$region.id.asyncMap { try await Places(database: database, language: language).ref($0) } ?? nil
        return CommunityRecord(id: model.id!, name: model.name, status: model.status, region: region, notes: model.notes, version: model.version)
    }

    public func create(_ input: CommunityInput, by actor: Actor, now: Date = Date()) async throws -> CommunityRecord {
        try actor.require(.manageSettings)
        let model = CommunityModel()
        model.id = UUID()
        model.createdAt = now
        model.version = 1
        try await database.transaction { tx in
            try await apply(input, to: model, now: now, on: tx)
            try await model.create(on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: model.name,
                                        changes: FieldChange.between([], model.auditFields), at: now, on: tx)
        }
        return try await record(model)
    }

    public func update(_ id: UUID, _ input: CommunityInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> CommunityRecord {
        try actor.require(.manageSettings)
        let model: CommunityModel = try await database.transaction { tx in
            guard let model = try await CommunityModel.find(id, on: tx), model.deletedAt == nil else { throw DomainError.notFound("community") }
            let before = model.auditFields
            try await apply(input, to: model, now: now, on: tx)
            try requireVersion(expectedVersion, current: model.version)
            let changes = FieldChange.between(before, model.auditFields)
            guard !changes.isEmpty else { return model }
            model.version += 1
            try await model.update(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.name, changes: changes, at: now, on: tx)
            return model
        }
        return try await record(model)
    }

    public func delete(_ id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.manageSettings)
        try await database.transaction { tx in
            guard let model = try await CommunityModel.find(id, on: tx), model.deletedAt == nil else { throw DomainError.notFound("community") }
            model.deletedAt = now
            model.version += 1
            try await model.update(on: tx)
            try await AuditTrail.record(.delete, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.name,
                                        changes: [FieldChange(field: "deleted", from: nil, to: "yes")], at: now, on: tx)
        }
    }

    func apply(_ input: CommunityInput, to model: CommunityModel, now: Date, on db: any Database) async throws {
        var v = Validator()
        let name = v.text(input.name, "name", required: true, max: 200)
        let status = v.choice(input.status, CommunityStatus.self, "status")
        let notes = v.text(input.notes, "notes", max: 5000)
        if let regionID = input.regionID, try await PlaceModel.query(on: db).filter(\.$id == regionID).filter(\.$deletedAt == nil).count() == 0 {
            v.add("regionID", "reference.unknown")
        }
        if let name, try await CommunityModel.query(on: db).filter(\.$name == name).filter(\.$deletedAt == nil).filter(\.$id != model.id!).count() > 0 {
            throw DomainError.conflict(FieldIssue(field: "name", "community.taken"))
        }
        try v.throwIfInvalid()
        model.name = name!
        model.status = status!.rawValue
        model.$region.id = input.regionID
        model.notes = notes
        model.updatedAt = now
    }
}

extension CommunityModel {
    var auditFields: [(String, String?)] {
        [("name", name), ("status", status), ("region", $region.id?.uuidString), ("notes", notes), ("deleted", deletedAt == nil ? nil : "yes")]
    }
}
