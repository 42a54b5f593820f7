import Domain
import FluentKit
import Foundation
import Storage

extension Coordination: RecordKind {
    public typealias Model = CoordinationActivityModel

    public struct Valid {
        var organizationID: UUID, theme: String, startsOn: Day?, endsOn: Day?, contactPersonID: UUID?, notes: String?, placeIDs: [UUID]
    }

    public func validate(_ input: CoordinationInput, existing: CoordinationActivityModel?, by actor: Actor, on db: any Database) async throws -> Valid {
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
        // A restricted contact the actor cannot see stays when they leave the contact empty: they could not see it to keep it.
        var contact = input.contactPersonID
        if contact == nil, let kept = existing?.contactPersonID, !(try await People(database: db).isVisible(kept, to: actor)) { contact = kept }
        return Valid(organizationID: input.organizationID!, theme: theme!, startsOn: from, endsOn: to, contactPersonID: contact, notes: notes,
                     placeIDs: input.placeIDs)
    }

    public func apply(_ valid: Valid, to model: CoordinationActivityModel, now: Date) {
        model.organizationID = valid.organizationID
        model.theme = valid.theme
        model.startsOn = valid.startsOn
        model.endsOn = valid.endsOn
        model.contactPersonID = valid.contactPersonID
        model.notes = valid.notes
    }

    public func writeParts(_ valid: Valid, _ applied: Void, of model: CoordinationActivityModel, by actor: Actor, now: Date,
                           on db: any Database) async throws {
        try await CoordinationPlaceModel.replace(targetsOf: model.id!, with: valid.placeIDs, on: db)
    }

    public func auditFields(_ model: CoordinationActivityModel, on db: any Database) async throws -> [(String, String?)] {
        let placeIDs = try await CoordinationPlaceModel.targets(of: model.id!, on: db)
        return [("organization", model.organizationID.uuidString), ("theme", model.theme), ("startsOn", model.startsOn?.description),
                ("endsOn", model.endsOn?.description),
                ("contact", model.contactPersonID?.uuidString), ("notes", model.notes),
                ("places", placeIDs.auditValue)]
    }
}

extension CoordinationActivityModel: SoftDeletable {
    public var auditLabel: String { theme }
}
