import Domain
import FluentKit
import Foundation
import Storage

/// Organisations: government bodies, municipalities, NGOs, international missions …
public struct Organizations: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "organization"

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
        if let kind = query.kind { builder = builder.filter(\.$kind == kind) }
        if let level = query.level { builder = builder.filter(\.$level == level) }
        if let id = query.placeID { builder = builder.filter(\.$place.$id == id) }
        switch query.sort {
        case .name: builder = builder.sort(\.$sortName, .ascending).sort(\.$id, .ascending)
        case .nameDescending: builder = builder.sort(\.$sortName, .descending).sort(\.$id, .descending)
        case .updated: builder = builder.sort(\.$updatedAt, .descending).sort(\.$id, .descending)
        case .updatedAscending: builder = builder.sort(\.$updatedAt, .ascending).sort(\.$id, .ascending)
        }
        let page = try await fetchPage(builder, page: query.page, perPage: min(query.perPage, 200))
        let placeNames = try await Places(database: database, language: language).names(of: page.items.compactMap { $0.$place.id })
        return page.map { model in
            OrganizationRow(id: model.id!, name: model.name, otherNames: JSONList.decode(model.otherNamesJSON), kind: model.kind.rawValue,
                            level: model.level?.rawValue, place: model.$place.id.flatMap { placeNames[$0] }, deleted: model.deletedAt != nil)
        }
    }

    public func page(_ id: UUID, by actor: Actor) async throws -> OrganizationPageData {
        let model = try await find(id, by: actor)
        let positions = try await Positions(database: database).of(organizationID: id, by: actor)
        let children = try await OrganizationModel.query(on: database).filter(\.$parent.$id == id).filter(\.$deletedAt == nil)
            .sort(\.$sortName).all().map { RecordRef(id: $0.id!, name: $0.name) }
        return OrganizationPageData(organization: try await record(model, by: actor), positions: positions, children: children)
    }

    public func record(_ model: OrganizationModel, by actor: Actor) async throws -> OrganizationRecord {
        let parent = try await model.$parent.get(on: database).map { RecordRef(id: $0.id!, name: $0.name) }
        let place = try await model.$place.id.asyncMap { try await Places(database: database, language: language).ref($0) } ?? nil
        return OrganizationRecord(
            id: model.id!, name: model.name, otherNames: JSONList.decode(model.otherNamesJSON), kind: model.kind.rawValue, level: model.level?.rawValue,
            parent: parent, place: place, website: model.website, notes: model.notes, createdAt: model.createdAt,
            updatedAt: model.updatedAt, deletedAt: model.deletedAt, version: model.version
        )
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
