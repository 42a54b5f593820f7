import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

extension WorkingGroups {
    public func create(_ input: WorkingGroupInput, by actor: Actor, now: Date = Date()) async throws -> WorkingGroupRecord {
        try actor.require(.writeRecords)
        let model = WorkingGroupModel()
        model.id = UUID()
        model.createdAt = now
        model.version = 1
        try await database.transaction { tx in
            try await apply(input, to: model, by: actor, now: now, on: tx)
            try await model.create(on: tx)
            try await replaceMembers(of: model.id!, with: input.members, keepingHiddenFrom: actor, on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: model.name,
                                        changes: FieldChange.between([], Self.auditFields(model, members: input.members)), at: now, on: tx)
        }
        return try await record(model, by: actor)
    }

    public func update(_ id: UUID, _ input: WorkingGroupInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> WorkingGroupRecord {
        try actor.require(.writeRecords)
        let model: WorkingGroupModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            let members = try await WorkingGroupMemberModel.query(on: tx).filter(\.$groupID == id).all()
                .map { MemberInput(personID: $0.personID, part: $0.part, startsOn: $0.startsOn, endsOn: $0.endsOn) }
            let before = Self.auditFields(model, members: members)
            try await apply(input, to: model, by: actor, now: now, on: tx)
            try requireVersion(expectedVersion, current: model.version)
            let changes = FieldChange.between(before, Self.auditFields(model, members: input.members))
            guard !changes.isEmpty else { return model }
            model.version += 1
            try await model.update(on: tx)
            try await replaceMembers(of: id, with: input.members, keepingHiddenFrom: actor, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.name, changes: changes, at: now, on: tx)
            return model
        }
        return try await record(model, by: actor)
    }

    public func delete(_ id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            try await SoftDelete.delete(model, recordType: Self.recordType, expectedVersion: expectedVersion, by: actor, now: now, on: tx)
        }
    }

    public func restore(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> WorkingGroupRecord {
        try actor.require(.restoreRecords)
        let model: WorkingGroupModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, on: tx)
            try await SoftDelete.restore(model, recordType: Self.recordType, by: actor, now: now, on: tx)
            return model
        }
        return try await record(model, by: actor)
    }

    /// Records that an engagement was a meeting of the group.
    public func addMeeting(_ engagementID: UUID, to id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            let engagement = try await Engagements(database: tx).find(engagementID, by: actor, includeDeleted: false, on: tx)
            guard try await WorkingGroupMeetingModel.query(on: tx).filter(\.$groupID == id).filter(\.$engagementID == engagementID).first() == nil else { return }
            try await WorkingGroupMeetingModel(groupID: id, engagementID: engagementID).create(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.name,
                                        changes: [FieldChange(field: "meeting", from: nil, to: engagement.title)], at: now, on: tx)
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
        deliverable.kind = kind!.rawValue
        deliverable.dueOn = due?.description
        deliverable.status = status!.rawValue
        deliverable.createdAt = now
        deliverable.version = 1
        try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            try await deliverable.create(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.name,
                                        changes: [FieldChange(field: "deliverable", from: nil, to: "\(deliverable.title) (\(deliverable.kind), \(deliverable.status))")], at: now, on: tx)
        }
        return Self.deliverable(deliverable)
    }

    public func setDeliverableStatus(_ deliverableID: UUID, _ status: DeliverableStatus, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> Deliverable {
        try actor.require(.writeRecords)
        return try await database.transaction { tx in
            guard let deliverable = try await DeliverableModel.find(deliverableID, on: tx) else { throw DomainError.notFound("deliverable") }
            let model = try await find(deliverable.groupID, by: actor, includeDeleted: false, on: tx)
            if let expectedVersion { try requireVersion(expectedVersion, current: deliverable.version) }
            guard deliverable.status != status.rawValue else { return Self.deliverable(deliverable) }
            let before = deliverable.status
            deliverable.status = status.rawValue
            deliverable.version += 1
            try await deliverable.update(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: model.name,
                                        changes: [FieldChange(field: "deliverable: \(deliverable.title)", from: before, to: status.rawValue)], at: now, on: tx)
            return Self.deliverable(deliverable)
        }
    }

    func apply(_ input: WorkingGroupInput, to model: WorkingGroupModel, by actor: Actor, now: Date, on db: any Database) async throws {
        var v = Validator()
        let name = v.text(input.name, "name", required: true, max: 200)
        let purpose = v.text(input.purpose, "purpose", max: 5_000)
        let confidentiality = v.choice(input.confidentiality, Confidentiality.self, "confidentiality")
        if confidentiality == .restricted { v.check(actor.can(.writeRestricted), "confidentiality", "workingGroup.restrictedNotAllowed") }
        v.check(input.members.count <= 200, "members", "field.tooMany", "200")
        for member in input.members {
            v.check(MemberPart(rawValue: member.part) != nil, "members", "field.notAChoice")
            let from = v.day(member.startsOn, "members"), to = v.day(member.endsOn, "members")
            if let from, let to { v.check(from <= to, "members", "workingGroup.memberEndsBeforeStart") }
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
        model.name = name!
        model.purpose = purpose
        model.agreementID = input.agreementID
        model.confidentiality = confidentiality!.rawValue
        model.updatedAt = now
    }

    func replaceMembers(of id: UUID, with members: [MemberInput], keepingHiddenFrom actor: Actor, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        var delete = sql.delete(from: WorkingGroupMemberModel.schema).where("group_id", .equal, SQLBind(id))
        if !actor.canSee(.restricted) {
            // Restricted members stay: this actor could not see them to keep them.
            delete = delete.where(SQLQueryString("\(ident: "person_id") IN (SELECT \(ident: "id") FROM \(ident: PersonModel.schema) WHERE \(ident: "sensitivity") = \(bind: Sensitivity.normal.rawValue))"))
        }
        try await delete.run()
        for member in members {
            try await WorkingGroupMemberModel(groupID: id, personID: member.personID, part: member.part,
                                              startsOn: Day(member.startsOn?.trimmingWhitespace() ?? "")?.description,
                                              endsOn: Day(member.endsOn?.trimmingWhitespace() ?? "")?.description).create(on: db)
        }
    }

    /// Members by identity, not name: the history is read by roles that may not see every person.
    static func auditFields(_ model: WorkingGroupModel, members: [MemberInput]) -> [(String, String?)] {
        let text = members.map { "\($0.personID.uuidString): \($0.part) \($0.startsOn ?? "")–\($0.endsOn ?? "")" }.sorted().joined(separator: ", ")
        return [("name", model.name), ("purpose", model.purpose), ("agreement", model.agreementID?.uuidString),
                ("confidentiality", model.confidentiality), ("members", text.isEmpty ? nil : text)]
    }
}

extension WorkingGroupModel: ConfidentialRecord {
    var auditLabel: String { name }
}
