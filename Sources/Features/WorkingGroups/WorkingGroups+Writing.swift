import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

extension WorkingGroups: RecordKind {
    public typealias Model = WorkingGroupModel

    /// Records that an engagement was a meeting of the group.
    public func addMeeting(_ engagementID: UUID, to id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try await changeParts(of: id, by: actor, now: now) { _, tx in
            let engagement = try await Engagements(database: tx).find(engagementID, by: actor, includeDeleted: false, on: tx)
            guard try await WorkingGroupMeetingModel.add(engagementID, to: id, on: tx) else { return [] }
            return [FieldChange(field: "meeting", from: nil, to: engagement.title)]
        }
    }

    public func addDeliverable(_ input: DeliverableInput, to id: UUID, by actor: Actor, now: Date = Date()) async throws -> Deliverable {
        try actor.require(.writeRecords)
        var v = Validator()
        let title = v.text(input.title, "title", required: true, max: 300)
        let kind = v.choice(input.kind, DeliverableKind.self, "kind")
        let due = v.day(input.dueOn, "dueOn")
        let status = v.choice(input.status, DeliverableStatus.self, "status")
        try v.throwIfInvalid()
        let deliverable = DeliverableModel()
        deliverable.id = UUID()
        deliverable.groupID = id
        deliverable.title = title!
        deliverable.kind = kind!
        deliverable.dueOn = due
        deliverable.status = status!
        deliverable.createdAt = now
        deliverable.version = 1
        try await changeParts(of: id, by: actor, now: now) { _, tx in
            try await deliverable.create(on: tx)
            return [FieldChange(field: "deliverable", from: nil, to: "\(deliverable.title) (\(deliverable.kind.rawValue), \(deliverable.status.rawValue))")]
        }
        return Self.deliverable(deliverable)
    }

    public func setDeliverableStatus(_ deliverableID: UUID, _ status: DeliverableStatus, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> Deliverable {
        try actor.require(.writeRecords)
        return try await database.transaction { tx in
            guard let deliverable = try await DeliverableModel.find(deliverableID, on: tx) else { throw DomainError.notFound("deliverable") }
            let model = try await find(deliverable.groupID, by: actor, includeDeleted: false, on: tx)
            if let expectedVersion { try requireVersion(expectedVersion, current: deliverable.version) }
            guard deliverable.status != status else { return Self.deliverable(deliverable) }
            let before = deliverable.status
            deliverable.status = status
            deliverable.version += 1
            try await deliverable.update(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: model.name,
                                        changes: [FieldChange(field: "deliverable: \(deliverable.title)", from: before.rawValue, to: status.rawValue)], at: now, on: tx)
            return Self.deliverable(deliverable)
        }
    }

    public struct Valid {
        var name: String, purpose: String?, agreementID: UUID?, confidentiality: Confidentiality, members: [Member]

        struct Member {
            var personID: UUID
            var part: MemberPart
            var startsOn: Day?
            var endsOn: Day?
        }
    }

    public func validate(_ input: WorkingGroupInput, existing: WorkingGroupModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        var v = Validator()
        let name = v.text(input.name, "name", required: true, max: 200)
        let purpose = v.text(input.purpose, "purpose", max: 5_000)
        let confidentiality = v.choice(input.confidentiality, Confidentiality.self, "confidentiality")
        if confidentiality == .restricted { v.check(actor.can(.writeRestricted), "confidentiality", "workingGroup.restrictedNotAllowed") }
        v.check(input.members.count <= 200, "members", "field.tooMany", "200")
        var members: [Valid.Member] = []
        for member in input.members {
            let part = v.choice(member.part, MemberPart.self, "members")
            let from = v.day(member.startsOn, "members"), to = v.day(member.endsOn, "members")
            if let from, let to { v.check(from <= to, "members", "workingGroup.memberEndsBeforeStart") }
            if let part { members.append(Valid.Member(personID: member.personID, part: part, startsOn: from, endsOn: to)) }
        }
        try v.throwIfInvalid()
        if let agreementID = input.agreementID {
            let visible = try await Agreements(database: db).visible(to: actor, includeDeleted: false).filter(\.$id == agreementID).count()
            v.check(visible == 1, "agreementID", "reference.unknown")
        }
        for person in Set(input.members.map(\.personID)) where !(try await People(database: db).isVisible(person, to: actor)) {
            v.add("members", "reference.unknown")
            break
        }
        try v.throwIfInvalid()
        return Valid(name: name!, purpose: purpose, agreementID: input.agreementID, confidentiality: confidentiality!, members: members)
    }

    public func apply(_ valid: Valid, to model: WorkingGroupModel, now: Date) {
        model.name = valid.name
        model.purpose = valid.purpose
        model.agreementID = valid.agreementID
        model.confidentiality = valid.confidentiality
    }

    public func writeParts(_ valid: Valid, _ applied: Void, of model: WorkingGroupModel, by actor: Actor, now: Date, on db: any Database) async throws {
        try await replaceMembers(of: model.id!, with: valid.members, keepingHiddenFrom: actor, on: db)
    }

    func replaceMembers(of id: UUID, with members: [Valid.Member], keepingHiddenFrom actor: Actor, on db: any Database) async throws {
        let sql = db.sql
        var delete = sql.delete(from: WorkingGroupMemberModel.schema).where("group_id", .equal, SQLBind(id))
        if !actor.canSee(.restricted) {
            // Restricted members stay: this actor could not see them to keep them.
            delete = delete.where(SQLQueryString("\(ident: "person_id") IN (SELECT \(ident: "id") FROM \(ident: PersonModel.schema) WHERE \(ident: "sensitivity") = \(bind: Sensitivity.normal))"))
        }
        try await delete.run()
        for member in members {
            try await WorkingGroupMemberModel(groupID: id, personID: member.personID, part: member.part, startsOn: member.startsOn,
                                              endsOn: member.endsOn).create(on: db)
        }
    }

    /// Members by identity, not name: the history is read by roles that may not see every person.
    public func auditFields(_ model: WorkingGroupModel, on db: any Database) async throws -> [(String, String?)] {
        let members = try await WorkingGroupMemberModel.query(on: db).filter(\.$groupID == model.id!).all()
        let text = members.map { "\($0.personID.uuidString): \($0.part.rawValue) \($0.startsOn?.description ?? "")–\($0.endsOn?.description ?? "")" }.sorted().joined(separator: ", ")
        return [("name", model.name), ("purpose", model.purpose), ("agreement", model.agreementID?.uuidString),
                ("confidentiality", model.confidentiality.rawValue), ("members", text.isEmpty ? nil : text)]
    }
}

extension WorkingGroupModel: ConfidentialRecord {
    public var auditLabel: String { name }
}
