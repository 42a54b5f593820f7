import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

extension FieldVisits: RecordKind {
    public typealias Model = FieldVisitModel

    public struct Valid {
        var title: String, purpose: String?, startsOn: Day, endsOn: Day, status: VisitStatus, summary: String?, input: FieldVisitInput
    }

    public func validate(_ input: FieldVisitInput, existing: FieldVisitModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        var v = Validator()
        let title = v.text(input.title, "title", required: true, max: 200)
        let purpose = v.text(input.purpose, "purpose", max: 2_000)
        let starts = v.day(input.startsOn, "startsOn")
        let ends = v.day(input.endsOn, "endsOn")
        v.check(!input.startsOn.trimmingWhitespace().isEmpty, "startsOn", "field.required")
        v.check(!input.endsOn.trimmingWhitespace().isEmpty, "endsOn", "field.required")
        if let starts, let ends { v.check(starts <= ends, "endsOn", "visit.endsBeforeStart") }
        let status = v.choice(input.status, VisitStatus.self, "status")
        let summary = v.text(input.summary, "summary", max: 20_000)
        v.check(input.placeIDs.count <= 50, "placeIDs", "field.tooMany", "50")
        v.check(input.memberUserIDs.count + input.memberPersonIDs.count <= 50, "memberPersonIDs", "field.tooMany", "50")
        try v.throwIfInvalid()
        if !input.placeIDs.isEmpty {
            let found = try await PlaceModel.query(on: db).filter(\.$id ~~ input.placeIDs).filter(\.$deletedAt == nil).count()
            v.check(found == Set(input.placeIDs).count, "placeIDs", "reference.unknown")
        }
        if !input.memberUserIDs.isEmpty {
            v.check(try await UserModel.query(on: db).filter(\.$id ~~ input.memberUserIDs).count() == Set(input.memberUserIDs).count, "memberUserIDs", "reference.unknown")
        }
        if !input.memberPersonIDs.isEmpty {
            var people = PersonModel.query(on: db).filter(\.$id ~~ input.memberPersonIDs).filter(\.$deletedAt == nil)
            if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal) }
            v.check(try await people.count() == Set(input.memberPersonIDs).count, "memberPersonIDs", "reference.unknown")
        }
        try v.throwIfInvalid()
        return Valid(title: title!, purpose: purpose, startsOn: starts!, endsOn: ends!, status: status!, summary: summary, input: input)
    }

    public func apply(_ valid: Valid, to model: FieldVisitModel, now: Date) {
        model.title = valid.title
        model.purpose = valid.purpose
        model.startsOn = valid.startsOn
        model.endsOn = valid.endsOn
        model.status = valid.status
        model.summary = valid.summary
    }

    public func writeParts(_ valid: Valid, _ applied: Void, of model: FieldVisitModel, by actor: Actor, now: Date, on db: any Database) async throws {
        try await replaceMembers(of: model.id!, valid.input, keepingHiddenFrom: actor, on: db)
    }

    func replaceMembers(of id: UUID, _ input: FieldVisitInput, keepingHiddenFrom actor: Actor, on db: any Database) async throws {
        let sql = db.sql
        try await VisitPlaceModel.replace(targetsOf: id, with: input.placeIDs, on: db)
        var delete = sql.delete(from: VisitMemberModel.schema).where("visit_id", .equal, SQLBind(id))
        if !actor.canSee(.restricted) {
            // Restricted people in the delegation stay: this actor could not see them to keep them.
            delete = delete.where(SQLQueryString("(\(ident: "person_id") IS NULL OR \(ident: "person_id") IN (SELECT \(ident: "id") FROM \(ident: PersonModel.schema) WHERE \(ident: "sensitivity") = \(bind: Sensitivity.normal)))"))
        }
        try await delete.run()
        for user in Set(input.memberUserIDs) { try await VisitMemberModel(visitID: id, userID: user, personID: nil).create(on: db) }
        for person in Set(input.memberPersonIDs) { try await VisitMemberModel(visitID: id, userID: nil, personID: person).create(on: db) }
    }

    /// Delegation members by identity, not name: the history is read by roles that may not see every person.
    public func auditFields(_ model: FieldVisitModel, on db: any Database) async throws -> [(String, String?)] {
        let places = try await VisitPlaceModel.targets(of: model.id!, on: db)
        let members = try await VisitMemberModel.query(on: db).filter(\.$visitID == model.id!).all()
        return [("title", model.title), ("purpose", model.purpose), ("startsOn", model.startsOn.description),
                ("endsOn", model.endsOn.description), ("status", model.status.rawValue), ("summary", model.summary), ("places", places.auditValue),
                ("users", members.compactMap(\.userID).auditValue), ("people", members.compactMap(\.personID).auditValue)]
    }
}

extension FieldVisitModel: SoftDeletable {
    public var auditLabel: String { title }
}
