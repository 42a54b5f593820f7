import Domain
import FluentKit
import Foundation
import Storage

/// A position belongs to its person: it is seen by those who may see the person, and the person's history
/// lists it coming and going.
extension Positions: RecordKind {
    public typealias Model = PositionModel

    public struct Valid {
        var personID: UUID, organizationID: UUID, title: String, startsOn: Day?, endsOn: Day?
    }

    public func isVisible(_ model: PositionModel, to actor: Actor, on db: any Database) async throws -> Bool {
        guard let person = try await PersonModel.find(model.$person.id, on: db), person.deletedAt == nil,
              let organization = try await OrganizationModel.find(model.$organization.id, on: db), organization.deletedAt == nil
        else { return false }
        return actor.canSee(person.sensitivity)
    }

    public func validate(_ input: PositionInput, existing: PositionModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        var v = Validator()
        let title = v.text(input.title, "title", required: true, max: 300)
        let starts = v.day(input.startsOn, "startsOn")
        let ends = v.day(input.endsOn, "endsOn")
        if !DaySpan(from: starts, to: ends).isValid { v.add("endsOn", "position.endsBeforeStart") }
        let person = try await PersonModel.find(input.personID, on: db)
        let visiblePerson = person.flatMap { $0.deletedAt == nil && actor.canSee($0.sensitivity) ? $0 : nil }
        v.check(visiblePerson != nil, "personID", "reference.unknown")
        if let person = visiblePerson, person.sensitivity == .restricted, !actor.can(.writeRestricted) {
            v.add("personID", "sensitivity.notAllowed")
        }
        let organization = try await OrganizationModel.find(input.organizationID, on: db)
        v.check(organization != nil && organization?.deletedAt == nil, "organizationID", "reference.unknown")
        try v.throwIfInvalid()
        return Valid(personID: input.personID, organizationID: input.organizationID, title: title!, startsOn: starts, endsOn: ends)
    }

    public func apply(_ valid: Valid, to model: PositionModel, now: Date) {
        model.$person.id = valid.personID
        model.$organization.id = valid.organizationID
        model.title = valid.title
        model.startsOn = valid.startsOn
        model.endsOn = valid.endsOn
    }

    public func auditFields(_ model: PositionModel, on db: any Database) async throws -> [(String, String?)] { model.auditFields }

    /// "Mayor · Municipality of Mitrovica South".
    public func label(of model: PositionModel, on db: any Database) async throws -> String {
        "\(model.title) · \(try await OrganizationModel.find(model.$organization.id, on: db)?.name ?? "")"
    }

    public func record(_ model: PositionModel, by actor: Actor) async throws -> PositionRecord {
        let person = try await PersonModel.find(model.$person.id, on: database)
        let organization = try await OrganizationModel.find(model.$organization.id, on: database)
        return PositionRecord(
            id: model.id!, person: RecordRef(id: model.$person.id, name: person?.name ?? ""),
            organization: RecordRef(id: model.$organization.id, name: organization?.name ?? ""), title: model.title,
            startsOn: model.startsOn?.description, endsOn: model.endsOn?.description, version: model.version, deletedAt: model.deletedAt
        )
    }

    public func didChange(_ action: AuditAction, _ model: PositionModel, label: String, by actor: Actor, now: Date, on db: any Database) async throws {
        let change: FieldChange
        switch action {
        case .create, .restore: change = FieldChange(field: "position", from: nil, to: label)
        case .delete: change = FieldChange(field: "position", from: label, to: nil)
        default: return
        }
        try await AuditTrail.record(.update, by: actor, recordType: People.recordType, recordID: model.$person.id, recordLabel: label,
                                    changes: [change], at: now, on: db)
    }
}

extension PositionModel: SoftDeletable {
    public var auditLabel: String { title }

    var auditFields: [(String, String?)] {
        [("person", $person.id.uuidString), ("organization", $organization.id.uuidString), ("title", title),
         ("startsOn", startsOn?.description), ("endsOn", endsOn?.description), ("deleted", deletedAt == nil ? nil : "yes")]
    }
}
