import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

extension Agreements: RecordKind {
    public typealias Model = AgreementModel

    /// The status the agreement had before this save (nil for a new one), so a move adds a dated step.
    public func apply(_ valid: Valid, to model: AgreementModel, now: Date) -> AgreementStatus? {
        let previous = model.$status.value
        model.kind = valid.kind
        model.title = valid.title
        model.focus = valid.focus
        model.topics = JSONList.encode(valid.topics)
        model.signedOn = valid.signedOn
        model.validUntil = valid.validUntil
        model.status = valid.status
        model.confidentiality = valid.confidentiality
        model.notes = valid.notes
        return previous
    }

    public func writeParts(_ valid: Valid, _ previous: AgreementStatus?, of model: AgreementModel, by actor: Actor, now: Date,
                           on db: any Database) async throws {
        try await replaceParties(of: model.id!, with: valid.parties, keepingHiddenFrom: actor, on: db)
        // A new agreement's first step is dated the day it was signed, unless another day is given.
        try await AgreementStatusChangeModel.record(valid.status, of: model.id!, movedFrom: previous,
                                                    effectiveOn: valid.statusOn ?? (previous == nil ? valid.signedOn : nil), now: now, on: db)
    }

    /// Records that an engagement discussed or signed the agreement (once per pair; a second link replaces the first).
    public func link(engagement engagementID: UUID, to id: UUID, as link: AgreementEngagementLink, by actor: Actor, now: Date = Date()) async throws {
        try await changeParts(of: id, by: actor, now: now) { _, tx in
            let engagement = try await Engagements(database: tx).find(engagementID, by: actor, includeDeleted: false, on: tx)
            let existing = try await AgreementEngagementModel.query(on: tx).filter(\.$agreementID == id).filter(\.$engagementID == engagementID).first()
            guard existing?.link != link else { return [] }
            if let existing { existing.link = link; try await existing.update(on: tx) } else {
                try await AgreementEngagementModel(agreementID: id, engagementID: engagementID, link: link).create(on: tx)
            }
            return [FieldChange(field: "engagement", from: existing?.link.rawValue, to: "\(link.rawValue): \(engagement.title)")]
        }
    }

    public func unlink(engagement engagementID: UUID, from id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try await changeParts(of: id, by: actor, now: now) { _, tx in
            let engagement = try await Engagements(database: tx).find(engagementID, by: actor, includeDeleted: true, on: tx)
            guard let existing = try await AgreementEngagementModel.query(on: tx).filter(\.$agreementID == id).filter(\.$engagementID == engagementID).first()
            else { return [] }
            try await existing.delete(on: tx)
            return [FieldChange(field: "engagement", from: "\(existing.link.rawValue): \(engagement.title)", to: nil)]
        }
    }

    public struct Valid {
        var kind: AgreementKind, title: String, focus: String?, topics: [String], signedOn: Day?, validUntil: Day?
        var status: AgreementStatus, statusOn: Day?, confidentiality: Confidentiality, notes: String?, parties: [Party]

        struct Party {
            var organizationID: UUID?
            var personID: UUID?
            var part: PartyPart
        }
    }

    public func validate(_ input: AgreementInput, existing: AgreementModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        var v = Validator()
        let kind = v.choice(input.kind, AgreementKind.self, "kind")
        let title = v.text(input.title, "title", required: true, max: 200)
        let focus = v.text(input.focus, "focus", max: 500)
        let topics = v.list(input.topics, "topics", maxItems: 20, maxLength: 60)
        let signedOn = v.day(input.signedOn, "signedOn")
        let validUntil = v.day(input.validUntil, "validUntil")
        let status = v.choice(input.status, AgreementStatus.self, "status")
        let statusOn = v.day(input.statusOn, "statusOn")
        let confidentiality = v.choice(input.confidentiality, Confidentiality.self, "confidentiality")
        // As with engagements: only those who may write restricted records mark one restricted.
        if confidentiality == .restricted { v.check(actor.can(.writeRestricted), "confidentiality", "agreement.restrictedNotAllowed") }
        let notes = v.text(input.notes, "notes", max: 20_000)
        if let status, (input.signedOn ?? "").trimmingWhitespace().isEmpty || signedOn != nil {
            for problem in AgreementDays.problems(status: status, signedOn: signedOn, validUntil: validUntil) {
                switch problem {
                case .signedDayMissing: v.add("signedOn", "agreement.signedDayMissing")
                case .endsBeforeSigned: v.add("validUntil", "agreement.endsBeforeSigned")
                }
            }
        }
        v.check(input.parties.count <= 50, "parties", "field.tooMany", "50")
        var parties: [Valid.Party] = []
        for party in input.parties {
            v.check((party.organizationID == nil) != (party.personID == nil), "parties", "agreement.partyOneOf")
            if let part = v.choice(party.part, PartyPart.self, "parties") {
                parties.append(Valid.Party(organizationID: party.organizationID, personID: party.personID, part: part))
            }
        }
        let keys = input.parties.map { ($0.organizationID ?? $0.personID)?.uuidString ?? "" }
        v.check(Set(keys).count == keys.count, "parties", "agreement.partyTwice")
        try v.throwIfInvalid()
        let orgIDs = Set(input.parties.compactMap(\.organizationID)), personIDs = Set(input.parties.compactMap(\.personID))
        if !orgIDs.isEmpty {
            let found = try await OrganizationModel.query(on: db).filter(\.$id ~~ Array(orgIDs)).filter(\.$deletedAt == nil).count()
            v.check(found == orgIDs.count, "parties", "reference.unknown")
        }
        for person in personIDs where !(try await People(database: db).isVisible(person, to: actor)) {
            v.add("parties", "reference.unknown")
            break
        }
        try v.throwIfInvalid()
        return Valid(kind: kind!, title: title!, focus: focus, topics: topics, signedOn: signedOn, validUntil: validUntil, status: status!,
                     statusOn: statusOn, confidentiality: confidentiality!, notes: notes, parties: parties)
    }

    func replaceParties(of id: UUID, with parties: [Valid.Party], keepingHiddenFrom actor: Actor, on db: any Database) async throws {
        let sql = db.sql
        var delete = sql.delete(from: AgreementPartyModel.schema).where("agreement_id", .equal, SQLBind(id))
        if !actor.canSee(.restricted) {
            // Restricted people among the parties stay: this actor could not see them to keep them.
            delete = delete.where(SQLQueryString("(\(ident: "person_id") IS NULL OR \(ident: "person_id") IN (SELECT \(ident: "id") FROM \(ident: PersonModel.schema) WHERE \(ident: "sensitivity") = \(bind: Sensitivity.normal)))"))
        }
        try await delete.run()
        for party in parties {
            try await AgreementPartyModel(agreementID: id, organizationID: party.organizationID, personID: party.personID, part: party.part).create(on: db)
        }
    }


    /// Parties by identity, not name: the history is read by roles that may not see every person.
    public func auditFields(_ model: AgreementModel, on db: any Database) async throws -> [(String, String?)] {
        let parties = try await AgreementPartyModel.query(on: db).filter(\.$agreementID == model.id!).all()
        let partyText = parties.map { "\(($0.organizationID ?? $0.personID)?.uuidString ?? ""): \($0.part.rawValue)" }.sorted().joined(separator: ", ")
        return [("kind", model.kind.rawValue), ("title", model.title), ("focus", model.focus), ("topics", model.topics == "[]" ? nil : model.topics),
                ("signedOn", model.signedOn?.description), ("validUntil", model.validUntil?.description), ("status", model.status.rawValue),
                ("confidentiality", model.confidentiality.rawValue), ("notes", model.notes), ("parties", partyText.isEmpty ? nil : partyText)]
    }
}

extension AgreementModel: ConfidentialRecord {
    public var auditLabel: String { title }
}
