import Domain
import FluentKit
import Foundation
import Storage

/// The author's sections of a visit report. Version 0 means none written yet.
public struct VisitReportNarrative: Sendable, Equatable, Codable {
    public var introduction: String?
    public var conclusions: String?
    public var nextSteps: String?
    public var version: Int

    public init(introduction: String? = nil, conclusions: String? = nil, nextSteps: String? = nil, version: Int = 0) {
        self.introduction = introduction
        self.conclusions = conclusions
        self.nextSteps = nextSteps
        self.version = version
    }
}

/// Reading and saving a visit report's narrative: as visible as the visit, saved against the version it
/// started from, each change in the visit's history.
public struct VisitReportNarratives: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func get(visit id: UUID, by actor: Actor) async throws -> VisitReportNarrative {
        _ = try await FieldVisits(database: database).find(id, by: actor)
        guard let model = try await VisitReportNarrativeModel.query(on: database).filter(\.$visitID == id).first() else { return VisitReportNarrative() }
        return Self.narrative(model)
    }

    public func save(_ input: VisitReportNarrative, visit id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> VisitReportNarrative {
        try actor.require(.writeRecords)
        var v = Validator()
        let introduction = v.text(input.introduction, "introduction", max: 20_000)
        let conclusions = v.text(input.conclusions, "conclusions", max: 20_000)
        let nextSteps = v.text(input.nextSteps, "nextSteps", max: 20_000)
        try v.throwIfInvalid()
        return try await database.transaction { tx in
            let visit = try await FieldVisits(database: tx).find(id, by: actor, includeDeleted: false, on: tx)
            let model = try await VisitReportNarrativeModel.query(on: tx).filter(\.$visitID == id).first() ?? {
                let fresh = VisitReportNarrativeModel()
                fresh.id = UUID()
                fresh.visitID = id
                fresh.version = 0
                return fresh
            }()
            try requireVersion(expectedVersion, current: model.version)
            let before = [("report: introduction", model.introduction), ("report: conclusions", model.conclusions), ("report: next steps", model.nextSteps)]
            let after = [("report: introduction", introduction), ("report: conclusions", conclusions), ("report: next steps", nextSteps)]
            let changes = FieldChange.between(before, after)
            guard !changes.isEmpty else { return Self.narrative(model) }
            model.introduction = introduction
            model.conclusions = conclusions
            model.nextSteps = nextSteps
            model.updatedAt = now
            model.version += 1
            try await model.save(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: FieldVisits.recordType, recordID: id, recordLabel: visit.title,
                                        changes: changes, at: now, on: tx)
            return Self.narrative(model)
        }
    }

    static func narrative(_ model: VisitReportNarrativeModel) -> VisitReportNarrative {
        VisitReportNarrative(introduction: model.introduction, conclusions: model.conclusions, nextSteps: model.nextSteps, version: model.version)
    }
}
