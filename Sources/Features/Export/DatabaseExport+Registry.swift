import Domain
import FluentKit
import Foundation
import Storage

/// The registry's kinds in the export: people and positions through the reader's role, organisations and places.
extension DatabaseExport {
    func people(by actor: Actor, into out: JSONArrayFile) async throws {
        let communities = Dictionary(try await CommunityModel.query(on: database).all().map { ($0.id!, RecordRef(id: $0.id!, name: $0.name)) },
                                     uniquingKeysWith: { first, _ in first })
        let places = try await placeRefs()
        let access = try await FieldAccess.of(actor, on: database)
        var offset = 0
        while true {
            let models = try await People(database: database, language: language).visible(to: actor).filter(\.$deletedAt == nil)
                .sort(\.$sortName).sort(\.$id).range(offset..<(offset + Self.page)).all()
            for model in models {
                try out.append(access.apply(to: model.record(community: model.$community.id.flatMap { communities[$0] },
                                                             place: model.$place.id.flatMap { places[$0] })))
            }
            if models.count < Self.page { return }
            offset += Self.page
        }
    }

    func organizations(into out: JSONArrayFile) async throws {
        let names = Dictionary(try await OrganizationModel.query(on: database).filter(\.$deletedAt == nil).all().map { ($0.id!, $0.name) },
                               uniquingKeysWith: { first, _ in first })
        let places = try await placeRefs()
        var offset = 0
        while true {
            let models = try await OrganizationModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$sortName).sort(\.$id)
                .range(offset..<(offset + Self.page)).all()
            for model in models {
                try out.append(OrganizationRecord(
                    id: model.id!, name: model.name, otherNames: JSONList.decode(model.otherNamesJSON), kind: model.kind.rawValue, level: model.level?.rawValue,
                    parent: model.$parent.id.flatMap { id in names[id].map { RecordRef(id: id, name: $0) } },
                    place: model.$place.id.flatMap { places[$0] }, website: model.website, notes: model.notes,
                    createdAt: model.createdAt, updatedAt: model.updatedAt, deletedAt: nil, version: model.version
                ))
            }
            if models.count < Self.page { return }
            offset += Self.page
        }
    }

    func places(into out: JSONArrayFile) async throws {
        let registry = Places(database: database, language: language)
        let models = try await PlaceModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$sortName).sort(\.$id).all()
        let names = try await registry.namesByLanguage(of: models.compactMap(\.id))
        for model in models { try out.append(registry.record(model, names: names)) }
    }

    func positions(by actor: Actor, into out: JSONArrayFile) async throws {
        let registry = Positions(database: database)
        var offset = 0
        while true {
            let models = try await registry.visible(PositionModel.query(on: database), to: actor)
                .sort(\.$createdAt).sort(\.$id).range(offset..<(offset + Self.page)).all()
            for model in models { try out.append(try Positions.record(model)) }
            if models.count < Self.page { return }
            offset += Self.page
        }
    }

    func placeRefs() async throws -> [UUID: RecordRef] {
        let names = try await RecordExport(database: database, language: language).places()
        return Dictionary(uniqueKeysWithValues: names.map { ($0.key, RecordRef(id: $0.key, name: $0.value)) })
    }
}
