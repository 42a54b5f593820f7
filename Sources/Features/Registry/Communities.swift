import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

public struct CommunityRecord: RecordValue, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var status: String
    public var region: RecordRef?
    public var notes: String?
    public var version: Int
    public var deletedAt: Date?

    public var label: String { name }
    public var isDeleted: Bool { deletedAt != nil }
}

/// The communities a deployment works with, defined by its administrators. Nothing is built in.
public struct Communities: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "community"

    public func list(by actor: Actor) async throws -> [CommunityRecord] {
        try actor.require(.readRecords)
        let models = try await CommunityModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$name).all()
        // One query for all the regions' names, not one per community: this list is on every people page.
        let regions = try await Places(database: database, language: language).names(of: models.compactMap { $0.$region.id })
        return models.map { model in
            let region = model.$region.id.flatMap { id in regions[id].map { RecordRef(id: id, name: $0) } }
            return CommunityRecord(id: model.id!, name: model.name, status: model.status.rawValue, region: region, notes: model.notes, version: model.version)
        }
    }

    /// The communities by name, for menus; with a cache, read again only when a community has changed.
    public func choices(by actor: Actor, cache: ChoiceCache? = nil) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        let load = { try await list(by: actor).map { RecordRef(id: $0.id, name: $0.name) } }
        guard let cache else { return try await load() }
        return try await cache.refs(CommunitiesFingerprint.self, key: "", database: database, load: load)
    }

    public func record(_ model: CommunityModel, by actor: Actor) async throws -> CommunityRecord {
        let region = try await model.$region.id.asyncMap { try await Places(database: database, language: language).ref($0) } ?? nil
        return CommunityRecord(id: model.id!, name: model.name, status: model.status.rawValue, region: region, notes: model.notes, version: model.version,
                               deletedAt: model.deletedAt)
    }
}

extension Communities: RecordKind {
    public typealias Model = CommunityModel

    public static var writePermission: Permission { .manageSettings }

    public struct Valid {
        var name: String, status: CommunityStatus, regionID: UUID?, notes: String?
    }

    public func validate(_ input: CommunityInput, existing: CommunityModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        var v = Validator()
        let name = v.text(input.name, "name", required: true, max: 200)
        let status = v.choice(input.status, CommunityStatus.self, "status")
        let notes = v.text(input.notes, "notes", max: 5000)
        if let regionID = input.regionID, try await PlaceModel.query(on: db).filter(\.$id == regionID).filter(\.$deletedAt == nil).count() == 0 {
            v.add("regionID", "reference.unknown")
        }
        if let name {
            var same = CommunityModel.query(on: db).filter(\.$name == name).filter(\.$deletedAt == nil)
            if let id = existing?.id { same = same.filter(\.$id != id) }
            if try await same.count() > 0 { throw DomainError.conflict(FieldIssue(field: "name", "community.taken")) }
        }
        try v.throwIfInvalid()
        return Valid(name: name!, status: status!, regionID: input.regionID, notes: notes)
    }

    public func apply(_ valid: Valid, to model: CommunityModel, now: Date) {
        model.name = valid.name
        model.status = valid.status
        model.$region.id = valid.regionID
        model.notes = valid.notes
    }

    public func auditFields(_ model: CommunityModel, on db: any Database) async throws -> [(String, String?)] { model.auditFields }
}

extension CommunityModel: SoftDeletable {
    public var auditLabel: String { name }

    var auditFields: [(String, String?)] {
        [("name", name), ("status", status.rawValue), ("region", $region.id?.uuidString), ("notes", notes), ("deleted", deletedAt == nil ? nil : "yes")]
    }
}
