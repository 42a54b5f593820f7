import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

extension Recommendations {
    public func create(_ input: RecommendationInput, by actor: Actor, now: Date = Date()) async throws -> RecommendationRecord {
        try actor.require(.writeRecords)
        let model = RecommendationModel()
        model.id = UUID()
        model.createdAt = now
        model.version = 1
        try await database.transaction { tx in
            let statusOn = try await apply(input, to: model, previous: nil, by: actor, now: now, on: tx)
            try await model.create(on: tx)
            try await replaceLinks(of: model.id!, input, by: actor, on: tx)
            try await RecommendationStatusChangeModel(recommendationID: model.id!, status: model.status, effectiveOn: (statusOn ?? Day(utc: now)).description,
                                                      recordedAt: now).create(on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: model.title,
                                        changes: FieldChange.between([], Self.auditFields(model, input)), at: now, on: tx)
        }
        return try await record(model, by: actor)
    }

    public func update(_ id: UUID, _ input: RecommendationInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> RecommendationRecord {
        try actor.require(.writeRecords)
        let model: RecommendationModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            var before = RecommendationInput(title: model.title)
            before.targetIDs = try await RecommendationTargetModel.query(on: tx).filter(\.$recommendationID == id).all().map(\.organizationID)
            before.contextEventIDs = try await RecommendationEvidenceModel.query(on: tx).filter(\.$recommendationID == id).all().compactMap(\.contextEventID)
            let beforeFields = Self.auditFields(model, before)
            let previous = RecommendationStatus(rawValue: model.status) ?? .idea
            let statusOn = try await apply(input, to: model, previous: previous, by: actor, now: now, on: tx)
            try requireVersion(expectedVersion, current: model.version)
            let changes = FieldChange.between(beforeFields, Self.auditFields(model, input))
            guard !changes.isEmpty else { return model }
            model.version += 1
            try await model.update(on: tx)
            try await replaceLinks(of: id, input, by: actor, on: tx)
            if model.status != previous.rawValue {
                try await RecommendationStatusChangeModel(recommendationID: id, status: model.status, effectiveOn: (statusOn ?? Day(utc: now)).description,
                                                          recordedAt: now).create(on: tx)
            }
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.title, changes: changes, at: now, on: tx)
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

    public func restore(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> RecommendationRecord {
        try actor.require(.restoreRecords)
        let model: RecommendationModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, on: tx)
            try await SoftDelete.restore(model, recordType: Self.recordType, by: actor, now: now, on: tx)
            return model
        }
        return try await record(model, by: actor)
    }

    /// Records that an engagement (a forum, a meeting) is evidence for the recommendation.
    public func addEvidence(engagement engagementID: UUID, to id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            let engagement = try await Engagements(database: tx).find(engagementID, by: actor, includeDeleted: false, on: tx)
            guard try await RecommendationEvidenceModel.query(on: tx).filter(\.$recommendationID == id).filter(\.$engagementID == engagementID).first() == nil
            else { return }
            try await RecommendationEvidenceModel(recommendationID: id, engagementID: engagementID, contextEventID: nil).create(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.title,
                                        changes: [FieldChange(field: "evidence", from: nil, to: engagement.title)], at: now, on: tx)
        }
    }

    /// Validates and copies the input; returns the day a new status took effect, when given.
    func apply(_ input: RecommendationInput, to model: RecommendationModel, previous: RecommendationStatus?, by actor: Actor, now: Date,
               on db: any Database) async throws -> Day? {
        var v = Validator()
        let title = v.text(input.title, "title", required: true, max: 300)
        let text = v.text(input.text, "text", max: 20_000)
        let level = v.choice(input.level, GovernanceLevel.self, "level", required: false)
        let status = v.choice(input.status, RecommendationStatus.self, "status")
        let statusOn = v.day(input.statusOn, "statusOn")
        if let previous, let status, !RecommendationFlow.canMove(from: previous, to: status) {
            v.add("status", "recommendation.cannotMove")
        }
        let confidentiality = v.choice(input.confidentiality, Confidentiality.self, "confidentiality")
        if confidentiality == .restricted { v.check(actor.can(.writeRestricted), "confidentiality", "recommendation.restrictedNotAllowed") }
        v.check(input.targetIDs.count <= 50, "targetIDs", "field.tooMany", "50")
        v.check(input.contextEventIDs.count <= 50, "contextEventIDs", "field.tooMany", "50")
        try v.throwIfInvalid()
        let targets = Set(input.targetIDs)
        if !targets.isEmpty {
            v.check(try await OrganizationModel.query(on: db).filter(\.$id ~~ Array(targets)).filter(\.$deletedAt == nil).count() == targets.count,
                    "targetIDs", "reference.unknown")
        }
        if let group = input.workingGroupID {
            v.check(try await WorkingGroups(database: db).visible(to: actor, includeDeleted: false).filter(\.$id == group).count() == 1,
                    "workingGroupID", "reference.unknown")
        }
        let events = Set(input.contextEventIDs)
        if !events.isEmpty {
            v.check(try await ContextEvents(database: db).visible(to: actor, includeDeleted: false).filter(\.$id ~~ Array(events)).count() == events.count,
                    "contextEventIDs", "reference.unknown")
        }
        try v.throwIfInvalid()
        model.title = title!
        model.text = text
        model.level = level?.rawValue
        model.status = status!.rawValue
        model.workingGroupID = input.workingGroupID
        model.confidentiality = confidentiality!.rawValue
        model.updatedAt = now
        return statusOn
    }

    /// Targets and context-event evidence come from the form; engagement evidence is added from engagements and
    /// stays, and so does a restricted context event the actor could not see to keep.
    func replaceLinks(of id: UUID, _ input: RecommendationInput, by actor: Actor, on db: any Database) async throws {
        try await RecommendationTargetModel.query(on: db).filter(\.$recommendationID == id).delete()
        for target in Set(input.targetIDs) { try await RecommendationTargetModel(recommendationID: id, organizationID: target).create(on: db) }
        let existing = try await RecommendationEvidenceModel.query(on: db).filter(\.$recommendationID == id).filter(\.$contextEventID != nil).all()
        let visible = Set(try await ContextEvents(database: db).visible(to: actor, includeDeleted: true)
            .filter(\.$id ~~ existing.compactMap(\.contextEventID)).all().compactMap(\.id))
        for row in existing where row.contextEventID.map(visible.contains) ?? false { try await row.delete(on: db) }
        for event in Set(input.contextEventIDs) {
            try await RecommendationEvidenceModel(recommendationID: id, engagementID: nil, contextEventID: event).create(on: db)
        }
    }

    static func auditFields(_ model: RecommendationModel, _ input: RecommendationInput) -> [(String, String?)] {
        func ids(_ list: [UUID]) -> String? { list.isEmpty ? nil : Set(list).map(\.uuidString).sorted().joined(separator: ", ") }
        return [("title", model.title), ("text", model.text), ("level", model.level), ("status", model.status),
                ("workingGroup", model.workingGroupID?.uuidString), ("confidentiality", model.confidentiality),
                ("targets", ids(input.targetIDs)), ("contextEvents", ids(input.contextEventIDs))]
    }
}

extension RecommendationModel: ConfidentialRecord {
    var auditLabel: String { title }
}
