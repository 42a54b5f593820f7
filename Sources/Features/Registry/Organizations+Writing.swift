import Domain
import FluentKit
import Foundation
import Storage

extension Organizations: RecordKind {
    public typealias Model = OrganizationModel

    public struct Valid {
        var name: String, otherNames: [String], kind: OrganizationKind, level: GovernanceLevel?, parentID: UUID?, placeID: UUID?
        var website: String?, notes: String?
    }

    public func validate(_ input: OrganizationInput, existing: OrganizationModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        var v = Validator()
        let name = v.text(input.name, "name", required: true, max: 300)
        let otherNames = v.list(input.otherNames, "otherNames")
        let kind = v.choice(input.kind, OrganizationKind.self, "kind")
        let level = v.choice(input.level, GovernanceLevel.self, "level", required: false)
        let website = v.text(input.website, "website", max: 500)
        if let website { v.check(website.hasPrefix("https://") || website.hasPrefix("http://"), "website", "website.invalid") }
        let notes = v.text(input.notes, "notes", max: 20_000)
        if let parentID = input.parentID {
            if parentID == existing?.id {
                v.add("parentID", "organization.parentSelf")
            } else if try await OrganizationModel.query(on: db).filter(\.$id == parentID).filter(\.$deletedAt == nil).count() == 0 {
                v.add("parentID", "reference.unknown")
            } else if let id = existing?.id, try await isAncestor(id, of: parentID, on: db) {
                v.add("parentID", "organization.parentCycle")
            }
        }
        if let placeID = input.placeID, try await PlaceModel.query(on: db).filter(\.$id == placeID).filter(\.$deletedAt == nil).count() == 0 {
            v.add("placeID", "reference.unknown")
        }
        try v.throwIfInvalid()
        return Valid(name: name!, otherNames: otherNames, kind: kind!, level: level, parentID: input.parentID, placeID: input.placeID,
                     website: website, notes: notes)
    }

    public func apply(_ valid: Valid, to model: OrganizationModel, now: Date) {
        model.setNames(valid.name, others: valid.otherNames)
        model.kind = valid.kind
        model.level = valid.level
        model.$parent.id = valid.parentID
        model.$place.id = valid.placeID
        model.website = valid.website
        model.notes = valid.notes
    }

    /// Its names go to the name index, so the filter box and the participant look-up find it by any of them.
    public func writeParts(_ valid: Valid, _ applied: Void, of model: OrganizationModel, by actor: Actor, now: Date, on db: any Database) async throws {
        try await NameIndex.replace(NameIndex.Entry(recordType: Self.recordType, id: model.id!, names: [model.name] + valid.otherNames,
                                                     sortName: model.sortName, visibility: model.nameVisibility), on: db)
    }

    public func auditFields(_ model: OrganizationModel, on db: any Database) async throws -> [(String, String?)] { model.auditFields }

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
            ("name", name), ("otherNames", JSONList.decode(otherNamesJSON).joined(separator: "; ")), ("kind", kind.rawValue), ("level", level?.rawValue),
            ("parent", $parent.id?.uuidString), ("place", $place.id?.uuidString), ("website", website),
            ("notes", notes == nil ? nil : "(\(notes!.count) characters)"), ("deleted", deletedAt == nil ? nil : "yes"),
        ]
    }
}

