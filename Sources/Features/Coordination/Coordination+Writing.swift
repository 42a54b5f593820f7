import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

extension Coordination {
    public func create(_ input: CoordinationInput, by actor: Actor, now: Date = Date()) async throws -> CoordinationRecord {
        try actor.require(.writeRecords)
        let model = CoordinationActivityModel()
        model.id = UUID()
        model.createdAt = now
        model.version = 1
        try await database.transaction { tx in
            try await apply(input, to: model, keepingContact: nil, by: actor, now: now, on: tx)
            try await model.create(on: tx)
            try await replacePlaces(of: model.id!, with: input.placeIDs, on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: model.theme,
                                        changes: FieldChange.between([], Self.auditFields(model, placeIDs: input.placeIDs)), at: now, on: tx)
        }
        return try await get(model.id!, by: actor)
    }

    public func update(_ id: UUID, _ input: CoordinationInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> CoordinationRecord {
        try actor.require(.writeRecords)
        try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            let places = try await CoordinationPlaceModel.query(on: tx).filter(\.$activityID == id).all().map(\.placeID)
            let before = Self.auditFields(model, placeIDs: places)
            try await apply(input, to: model, keepingContact: model.contactPersonID, by: actor, now: now, on: tx)
            try requireVersion(expectedVersion, current: model.version)
            let changes = FieldChange.between(before, Self.auditFields(model, placeIDs: input.placeIDs))
            guard !changes.isEmpty else { return }
            model.version += 1
            try await model.update(on: tx)
            try await replacePlaces(of: id, with: input.placeIDs, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.theme, changes: changes, at: now, on: tx)
        }
        return try await get(id, by: actor)
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            try await SoftDelete.delete(model, recordType: Self.recordType, expectedVersion: expectedVersion, by: actor, now: now, on: tx)
        }
    }

    public func restore(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> CoordinationRecord {
        try actor.require(.restoreRecords)
        try await database.transaction { tx in
            let model = try await find(id, by: actor, on: tx)
            try await SoftDelete.restore(model, recordType: Self.recordType, by: actor, now: now, on: tx)
        }
        return try await get(id, by: actor)
    }

    /// - Parameter keepingContact: the contact already recorded; a restricted one the actor cannot see stays
    ///   when they leave the contact empty (they could not see it to keep it).
    func apply(_ input: CoordinationInput, to model: CoordinationActivityModel, keepingContact: UUID?, by actor: Actor, now: Date,
               on db: any Database) async throws {
        var v = Validator()
        v.check(input.organizationID != nil, "organizationID", "field.required")
        let theme = v.text(input.theme, "theme", required: true, max: 120)
        let from = v.day(input.startsOn, "startsOn"), to = v.day(input.endsOn, "endsOn")
        if let from, let to { v.check(from <= to, "endsOn", "context.endsBeforeStart") }
        let notes = v.text(input.notes, "notes", max: 10_000)
        v.check(input.placeIDs.count <= 50, "placeIDs", "field.tooMany", "50")
        try v.throwIfInvalid()
        if let org = input.organizationID {
            v.check(try await OrganizationModel.query(on: db).filter(\.$id == org).filter(\.$deletedAt == nil).count() == 1, "organizationID", "reference.unknown")
        }
        let places = Set(input.placeIDs)
        if !places.isEmpty {
            v.check(try await PlaceModel.query(on: db).filter(\.$id ~~ Array(places)).filter(\.$deletedAt == nil).count() == places.count, "placeIDs", "reference.unknown")
        }
        if let contact = input.contactPersonID {
            v.check(try await People(database: db).isVisible(contact, to: actor), "contactPersonID", "reference.unknown")
        }
        try v.throwIfInvalid()
        var contact = input.contactPersonID
        if contact == nil, let kept = keepingContact, !(try await People(database: db).isVisible(kept, to: actor)) { contact = kept }
        model.organizationID = input.organizationID!
        model.theme = theme!
        model.startsOn = from?.description
        model.endsOn = to?.description
        model.contactPersonID = contact
        model.notes = notes
        model.updatedAt = now
    }

    func replacePlaces(of id: UUID, with placeIDs: [UUID], on db: any Database) async throws {
        try await CoordinationPlaceModel.query(on: db).filter(\.$activityID == id).delete()
        for place in Set(placeIDs) { try await CoordinationPlaceModel(activityID: id, placeID: place).create(on: db) }
    }

    static func auditFields(_ model: CoordinationActivityModel, placeIDs: [UUID]) -> [(String, String?)] {
        [("organization", model.organizationID.uuidString), ("theme", model.theme), ("startsOn", model.startsOn), ("endsOn", model.endsOn),
         ("contact", model.contactPersonID?.uuidString), ("notes", model.notes),
         ("places", placeIDs.isEmpty ? nil : Set(placeIDs).map(\.uuidString).sorted().joined(separator: ", "))]
    }
}

extension CoordinationActivityModel: SoftDeletable {
    var auditLabel: String { theme }
}
