import Domain
import FluentKit
import Foundation
import Storage

/// Dated assessments of people and organisations. An assessment is as visible as its subject: a restricted
/// person's are invisible to roles that may not see them, in their history and on the grid. Assessments are
/// not edited; a mistaken one is removed (and the removal is in the subject's history).
public struct Assessments: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    static let recordType = "stakeholder_assessment"

    public func add(_ input: AssessmentInput, person: UUID? = nil, organization: UUID? = nil, by actor: Actor, now: Date = Date()) async throws -> AssessmentRecord {
        try actor.require(.writeRecords)
        var v = Validator()
        let day = v.day(input.assessedOn, "assessedOn")
        if day == nil, (input.assessedOn ?? "").trimmingWhitespace().isEmpty { v.add("assessedOn", "field.required") }
        if let day { v.check(day <= Day(utc: now), "assessedOn", "assessment.future") }
        func score(_ raw: String?, _ field: String) -> Int? {
            guard let value = Int((raw ?? "").trimmingWhitespace()), StakeholderScores.scale.contains(value) else {
                v.add(field, "assessment.scale")
                return nil
            }
            return value
        }
        let influence = score(input.influence, "influence"), interest = score(input.interest, "interest")
        let stance = v.choice(input.stance, StakeholderStance.self, "stance")
        let notes = v.text(input.notes, "notes", max: 5_000)
        try v.throwIfInvalid()
        let model = StakeholderAssessmentModel()
        model.id = UUID()
        model.assessedOn = day!
        model.influence = influence!
        model.interest = interest!
        model.stance = stance!
        model.notes = notes
        model.assessedBy = actor.label
        model.createdAt = now
        try await database.transaction { tx in
            let (recordType, subjectID, label, _) = try await subject(person: person, organization: organization, by: actor, on: tx)
            model.personID = person
            model.organizationID = person == nil ? organization : nil
            try await model.create(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: recordType, recordID: subjectID, recordLabel: label,
                                        changes: [FieldChange(field: "assessment", from: nil, to: Self.describe(model))], at: now, on: tx)
        }
        return Self.record(model)
    }

    /// Newest first.
    public func history(person: UUID? = nil, organization: UUID? = nil, by actor: Actor) async throws -> [AssessmentRecord] {
        _ = try await subject(person: person, organization: organization, by: actor, includeDeleted: true, on: database)
        var query = StakeholderAssessmentModel.query(on: database).filter(\.$deletedAt == .null)
        if let person { query = query.filter(\.$personID == person) } else if let organization { query = query.filter(\.$organizationID == organization) }
        return try await query.sort(\.$assessedOn, .descending).sort(\.$createdAt, .descending).all().map(Self.record)
    }

    /// Removes a mistaken assessment; answers whose it was, so the caller can go back to them.
    @discardableResult
    public func remove(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> (isPerson: Bool, id: UUID) {
        try actor.require(.writeRecords)
        return try await database.transaction { tx in
            guard let model = try await StakeholderAssessmentModel.find(id, on: tx), model.deletedAt == nil else { throw DomainError.notFound(Self.recordType) }
            let (recordType, subjectID, label, _) = try await subject(person: model.personID, organization: model.organizationID, by: actor, on: tx)
            model.deletedAt = now
            try await model.update(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: recordType, recordID: subjectID, recordLabel: label,
                                        changes: [FieldChange(field: "assessment", from: Self.describe(model), to: nil)], at: now, on: tx)
            return (model.personID != nil, subjectID)
        }
    }

    /// The subject as a reference, for pages about their assessments, and whether it is deleted (no new
    /// assessment then).
    public func subjectRef(person: UUID? = nil, organization: UUID? = nil, by actor: Actor) async throws -> (ref: StakeholderRef, deleted: Bool) {
        let (_, id, name, deleted) = try await subject(person: person, organization: organization, by: actor, includeDeleted: true, on: database)
        return (person != nil ? .person(RecordRef(id: id, name: name)) : .organization(RecordRef(id: id, name: name)), deleted)
    }

    /// Every assessed stakeholder the reader may see, with their latest assessment and the one before.
    public func grid(by actor: Actor) async throws -> [StakeholderGridEntry] {
        try actor.require(.readRecords)
        let models = try await StakeholderAssessmentModel.query(on: database).filter(\.$deletedAt == .null)
            .sort(\.$assessedOn, .descending).sort(\.$createdAt, .descending).all()
        var people = PersonModel.query(on: database).filter(\.$id ~~ Array(Set(models.compactMap(\.personID)))).filter(\.$deletedAt == .null)
        if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal) }
        let personNames = Dictionary(try await people.all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let organizations = try await OrganizationModel.query(on: database).filter(\.$id ~~ Array(Set(models.compactMap(\.organizationID))))
            .filter(\.$deletedAt == .null).all()
        let organizationNames = Dictionary(organizations.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        var entries: [UUID: StakeholderGridEntry] = [:]
        var order: [UUID] = []
        for model in models {
            let subject: StakeholderRef
            if let id = model.personID, let name = personNames[id] { subject = .person(RecordRef(id: id, name: name)) }
            else if let id = model.organizationID, let name = organizationNames[id] { subject = .organization(RecordRef(id: id, name: name)) }
            else { continue }
            let key = subject.ref.id
            if var entry = entries[key] {
                if entry.previous == nil { entry.previous = Self.record(model); entries[key] = entry }
            } else {
                entries[key] = StakeholderGridEntry(subject: subject, latest: Self.record(model), previous: nil)
                order.append(key)
            }
        }
        return order.compactMap { entries[$0] }.sorted {
            ($0.latest.scores.influence, $0.latest.scores.interest, $1.subject.ref.name) > ($1.latest.scores.influence, $1.latest.scores.interest, $0.subject.ref.name)
        }
    }

    /// The subject, found as the reader may see it (a restricted person is "not found" for an officer).
    /// Writing needs a live subject; reading follows the one rule for deleted records (those who may restore
    /// the subject still read its assessments, as they read its page and history).
    func subject(person: UUID?, organization: UUID?, by actor: Actor, includeDeleted: Bool = false,
                 on db: any Database) async throws -> (String, UUID, String, deleted: Bool) {
        if let person {
            let model = try await People(database: db).find(person, by: actor, includeDeleted: includeDeleted, on: db)
            return (People.recordType, person, model.name, model.deletedAt != nil)
        }
        guard let organization else { throw DomainError.invalid([FieldIssue(field: "subject", "field.required")]) }
        let model = try await Organizations(database: db).find(organization, by: actor, includeDeleted: includeDeleted, on: db)
        return (Organizations.recordType, organization, model.name, model.deletedAt != nil)
    }

    /// "2023-08-07: influence 4, interest 5, supports" — scores and day only; the notes stay out of the trail.
    static func describe(_ model: StakeholderAssessmentModel) -> String {
        "\(model.assessedOn): influence \(model.influence), interest \(model.interest), \(model.stance.rawValue.replacingOccurrences(of: "_", with: " "))"
    }

    static func record(_ model: StakeholderAssessmentModel) -> AssessmentRecord {
        AssessmentRecord(id: model.id!, assessedOn: model.assessedOn,
                         scores: StakeholderScores(influence: model.influence, interest: model.interest, stance: model.stance),
                         notes: model.notes, assessedBy: model.assessedBy, createdAt: model.createdAt)
    }
}
