import Domain
import FluentKit
import Foundation
import Storage

extension Places: RecordKind {
    public typealias Model = PlaceModel

    public struct Valid {
        var kind: PlaceKind, parentID: UUID?, names: [String: String], latitude: Double?, longitude: Double?
    }

    public func validate(_ input: PlaceInput, existing: PlaceModel?, by actor: Actor, on db: any Database) async throws -> Valid {
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
            if parentID == existing?.id {
                v.add("parentID", "place.parentSelf")
            } else if let parent = try await PlaceModel.find(parentID, on: db), parent.deletedAt == nil {
                if let kind, !kind.canBeInside(parent.kind) {
                    v.add("parentID", "place.parentKind")
                }
            } else {
                v.add("parentID", "reference.unknown")
            }
        }
        try v.throwIfInvalid()
        return Valid(kind: kind!, parentID: input.parentID, names: names, latitude: input.latitude, longitude: input.longitude)
    }

    public func apply(_ valid: Valid, to model: PlaceModel, now: Date) {
        model.kind = valid.kind
        model.$parent.id = valid.parentID
        model.sortName = NameFolding.fold(PlaceNames.display(valid.names.map { ($0.key, $0.value) }, for: "en"))
        model.latitude = valid.latitude
        model.longitude = valid.longitude
    }

    /// Its name in each language, and those names in the name index.
    public func writeParts(_ valid: Valid, _ applied: Void, of model: PlaceModel, by actor: Actor, now: Date, on db: any Database) async throws {
        let id = model.id!, names = valid.names
        try await PlaceNameModel.query(on: db).filter(\.$place.$id == id).delete()
        for (language, name) in names.sorted(by: { $0.key < $1.key }) {
            try await PlaceNameModel(placeID: id, language: language, name: name).create(on: db)
        }
        try await NameIndex.replace(NameIndex.Entry(recordType: Self.recordType, id: id, names: Array(names.values), sortName: model.sortName,
                                                     visibility: model.deletedAt == nil ? .open : .deleted), on: db)
    }

    public func auditFields(_ model: PlaceModel, on db: any Database) async throws -> [(String, String?)] {
        let names = try await ownNames(model, on: db)
        return [("kind", model.kind.rawValue), ("parent", model.$parent.id?.uuidString),
         ("latitude", model.latitude.map { String($0) }), ("longitude", model.longitude.map { String($0) })]
            + names.keys.sorted().map { ("name.\($0)", names[$0]) }
    }

    /// A place is named in the history as the reader of its page would name it.
    public func label(of model: PlaceModel, on db: any Database) async throws -> String {
        PlaceNames.display(try await ownNames(model, on: db).map { ($0.key, $0.value) }, for: language)
    }

    /// A place that still contains places cannot go: those would be left without a parent.
    public func requireDeletable(_ model: PlaceModel, on db: any Database) async throws {
        if try await PlaceModel.query(on: db).filter(\.$parent.$id == model.id!).filter(\.$deletedAt == nil).count() > 0 {
            throw DomainError.notAllowed("place.hasChildren")
        }
    }

    func ownNames(_ model: PlaceModel, on db: any Database) async throws -> [String: String] {
        Dictionary(try await PlaceNameModel.query(on: db).filter(\.$place.$id == model.id!).all().map { ($0.language, $0.name) },
                   uniquingKeysWith: { first, _ in first })
    }
}

extension PlaceModel: SoftDeletable, NameIndexed {
    public var auditLabel: String { sortName }
    var nameVisibility: NameIndex.Visibility { deletedAt == nil ? .open : .deleted }
}
