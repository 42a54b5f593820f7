import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

extension Recommendations: RecordKind {
    public typealias Model = RecommendationModel

    /// Records that an engagement (a forum, a meeting) is evidence for the recommendation.
    public func addEvidence(engagement engagementID: UUID, to id: UUID, by actor: Actor, now: Date = Date()) async throws {
        try await changeParts(of: id, by: actor, now: now) { _, tx in
            let engagement = try await Engagements(database: tx).find(engagementID, by: actor, includeDeleted: false, on: tx)
            guard try await RecommendationEvidenceModel.query(on: tx).filter(\.$recommendationID == id).filter(\.$engagementID == engagementID).first() == nil
            else { return [] }
            try await RecommendationEvidenceModel(recommendationID: id, engagementID: engagementID, contextEventID: nil).create(on: tx)
            return [FieldChange(field: "evidence", from: nil, to: engagement.title)]
        }
    }

    public struct Valid {
        var title: String, text: String?, level: GovernanceLevel?, status: RecommendationStatus, statusOn: Day?, workingGroupID: UUID?
        var confidentiality: Confidentiality, input: RecommendationInput
    }

    public func validate(_ input: RecommendationInput, existing: RecommendationModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        var v = Validator()
        let title = v.text(input.title, "title", required: true, max: 300)
        let text = v.text(input.text, "text", max: 20_000)
        let level = v.choice(input.level, GovernanceLevel.self, "level", required: false)
        let status = v.choice(input.status, RecommendationStatus.self, "status")
        let statusOn = v.day(input.statusOn, "statusOn")
        if let previous = existing?.status, let status,
           !RecommendationFlow.canMove(from: previous, to: status) {
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
        return Valid(title: title!, text: text, level: level, status: status!, statusOn: statusOn, workingGroupID: input.workingGroupID,
                     confidentiality: confidentiality!, input: input)
    }

    /// Returns the status before this save (nil for a new recommendation), so a move adds a dated step.
    public func apply(_ valid: Valid, to model: RecommendationModel, now: Date) -> RecommendationStatus? {
        let previous = model.$status.value
        model.title = valid.title
        model.text = valid.text
        model.level = valid.level
        model.status = valid.status
        model.workingGroupID = valid.workingGroupID
        model.confidentiality = valid.confidentiality
        return previous
    }

    public func writeParts(_ valid: Valid, _ previous: RecommendationStatus?, of model: RecommendationModel, by actor: Actor, now: Date,
                           on db: any Database) async throws {
        try await replaceLinks(of: model.id!, valid.input, by: actor, on: db)
        try await RecommendationStatusChangeModel.record(valid.status, of: model.id!, movedFrom: previous, effectiveOn: valid.statusOn,
                                                         now: now, on: db)
    }

    /// Targets and context-event evidence come from the form; engagement evidence is added from engagements and
    /// stays, and so does a restricted context event the actor could not see to keep.
    func replaceLinks(of id: UUID, _ input: RecommendationInput, by actor: Actor, on db: any Database) async throws {
        try await RecommendationTargetModel.replace(targetsOf: id, with: input.targetIDs, on: db)
        let existing = try await RecommendationEvidenceModel.query(on: db).filter(\.$recommendationID == id).filter(\.$contextEventID != nil).all()
        let visible = Set(try await ContextEvents(database: db).visible(to: actor, includeDeleted: true)
            .filter(\.$id ~~ existing.compactMap(\.contextEventID)).all().compactMap(\.id))
        for row in existing where row.contextEventID.map(visible.contains) ?? false { try await row.delete(on: db) }
        for event in Set(input.contextEventIDs) {
            try await RecommendationEvidenceModel(recommendationID: id, engagementID: nil, contextEventID: event).create(on: db)
        }
    }

    public func auditFields(_ model: RecommendationModel, on db: any Database) async throws -> [(String, String?)] {
        let targets = try await RecommendationTargetModel.targets(of: model.id!, on: db)
        let events = try await RecommendationEvidenceModel.query(on: db).filter(\.$recommendationID == model.id!).all().compactMap(\.contextEventID)
        return [("title", model.title), ("text", model.text), ("level", model.level?.rawValue), ("status", model.status.rawValue),
                ("workingGroup", model.workingGroupID?.uuidString), ("confidentiality", model.confidentiality.rawValue),
                ("targets", targets.auditValue), ("contextEvents", events.auditValue)]
    }
}

extension RecommendationModel: ConfidentialRecord {
    public var auditLabel: String { title }
}
