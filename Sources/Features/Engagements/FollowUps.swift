import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// What is to be done after engagements, by whom and by when.
public struct FollowUps: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    static let recordType = "follow_up"

    @discardableResult
    static func insert(_ valid: FollowUpInput.Valid, engagementID: UUID, now: Date, on db: any Database) async throws -> UUID {
        let model = FollowUpModel()
        model.id = UUID()
        model.engagementID = engagementID
        model.text = valid.text
        model.ownerID = valid.ownerID
        model.dueOn = valid.dueOn
        model.status = valid.status
        model.createdAt = now
        model.updatedAt = now
        model.version = 1
        try await model.create(on: db)
        return model.id!
    }

    /// Adds a follow-up to an engagement the actor may see; with a capture, once however often it is sent.
    public func add(_ input: FollowUpInput, to engagementID: UUID, by actor: Actor, now: Date = Date(),
                    capture: Capture? = nil) async throws {
        try actor.require(.writeRecords)
        var v = Validator()
        let valid = input.validated(into: &v, field: "text", separateFields: true)
        try v.throwIfInvalid()
        let label = try? await Engagements(database: database).find(engagementID, by: actor, includeDeleted: false).title
        _ = try await Captures.once(capture, recordType: Self.recordType, label: label, by: actor, now: now, on: database) { tx in
            let engagement = try await Engagements(database: tx).find(engagementID, by: actor, includeDeleted: false, on: tx)
            if let owner = input.ownerID, try await UserModel.find(owner, on: tx) == nil {
                throw DomainError.invalid([FieldIssue(field: "ownerID", "reference.unknown")])
            }
            let id = try await Self.insert(valid!, engagementID: engagementID, now: now, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Engagements.recordType, recordID: engagementID, recordLabel: engagement.title,
                                        changes: [FieldChange(field: "followUp", from: nil, to: valid!.text)], at: now, on: tx)
            return id
        }
    }

    /// A status that is already the follow-up's changes nothing and is never a conflict (a change sent again
    /// from a device after its answer was lost). With a capture from a device, a change to a follow-up that
    /// someone else changed meanwhile is kept for its author to review, and what is stored stands.
    public func setStatus(_ id: UUID, _ status: FollowUpStatus, expectedVersion: Int?, by actor: Actor, now: Date = Date(),
                          capture: Capture? = nil) async throws {
        try actor.require(.writeRecords)
        do {
            try await write(id, status, expectedVersion: expectedVersion, by: actor, now: now)
        } catch DomainError.versionConflict(let current) {
            if let capture, let model = try await FollowUpModel.find(id, on: database) {
                try await CaptureReviews.keep(capture, recordType: Engagements.recordType, recordID: model.engagementID,
                                              reason: .changedMeanwhile,
                                              details: ["followUp": [model.text], "stored": [model.status.rawValue], "sent": [status.rawValue]],
                                              by: actor, now: now, on: database)
            }
            throw DomainError.versionConflict(current: current)
        }
    }

    private func write(_ id: UUID, _ status: FollowUpStatus, expectedVersion: Int?, by actor: Actor, now: Date) async throws {
        try await database.transaction { tx in
            guard let model = try await FollowUpModel.find(id, on: tx) else { throw DomainError.notFound("follow_up") }
            // A follow-up is as visible as its engagement.
            let engagement = try await Engagements(database: tx).find(model.engagementID, by: actor, includeDeleted: false, on: tx)
            guard model.status != status else { return }
            if let expectedVersion { try requireVersion(expectedVersion, current: model.version) }
            let before = model.status
            model.status = status
            model.updatedAt = now
            model.version += 1
            try await model.update(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Engagements.recordType, recordID: engagement.id, recordLabel: engagement.title,
                                        changes: [FieldChange(field: "followUp: \(model.text)", from: before.rawValue, to: status.rawValue)], at: now, on: tx)
        }
    }

    /// The follow-ups of one engagement, in the order they were written.
    func of(engagementID: UUID, title: String) async throws -> [FollowUpRecord] {
        let models = try await FollowUpModel.query(on: database).filter(\.$engagementID == engagementID).sort(\.$createdAt).all()
        let owners = try await ownerNames(Set(models.compactMap(\.ownerID)))
        return models.map { record($0, engagement: RecordRef(id: engagementID, name: title), owners: owners) }
    }

    /// Open follow-ups owned by a user, soonest due first (those without a day last), on engagements the
    /// actor may see.
    public func open(ownedBy userID: UUID, by actor: Actor) async throws -> [FollowUpRecord] {
        try await openFollowUps(by: actor) { $0.where(SQLColumn("owner_id", table: FollowUpModel.schema), .equal, SQLBind(userID)) }
    }

    /// Open follow-ups of the engagements with a person or an organisation.
    public func open(forEngagements ids: [UUID], by actor: Actor) async throws -> [FollowUpRecord] {
        guard !ids.isEmpty else { return [] }
        return try await openFollowUps(by: actor) { $0.where(SQLAnyOf(SQLColumn("engagement_id", table: FollowUpModel.schema), ids)) }
    }

    private func openFollowUps(by actor: Actor, _ narrow: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [FollowUpRecord] {
        try actor.require(.readRecords)
        let sql = database.sql
        let select = sql.select()
            .columns(["id", "engagement_id", "text", "owner_id", "due_on", "status", "version"].map { SQLColumn($0, table: FollowUpModel.schema) })
            .column(SQLAlias(SQLColumn("title", table: EngagementModel.schema), as: SQLIdentifier("engagement_title")))
            .from(FollowUpModel.schema)
            .join(EngagementModel.schema, on: SQLColumn("id", table: EngagementModel.schema), .equal, SQLColumn("engagement_id", table: FollowUpModel.schema))
            .where(SQLColumn("status", table: FollowUpModel.schema), .equal, SQLBind(FollowUpStatus.open.rawValue))
            .where(VisibleConfidentialRow(in: EngagementModel.schema, to: actor))
        let rows = try await narrow(select).limit(500).allPrepared()
        let owners = try await ownerNames(Set(try rows.compactMap { try $0.decode(column: "owner_id", as: UUID?.self) }))
        let records = try rows.map { row in
            let model = FollowUpModel()
            model.id = try row.decode(column: "id", as: UUID.self)
            model.text = try row.decode(column: "text", as: String.self)
            model.ownerID = try row.decode(column: "owner_id", as: UUID?.self)
            model.dueOn = try row.decode(column: "due_on", as: Day?.self)
            model.status = try row.decode(column: "status", as: FollowUpStatus.self)
            model.version = try row.decode(column: "version", as: Int.self)
            let engagement = RecordRef(id: try row.decode(column: "engagement_id", as: UUID.self), name: try row.decode(column: "engagement_title", as: String.self))
            return record(model, engagement: engagement, owners: owners)
        }
        return records.sorted { ($0.dueOn?.description ?? "9999", $0.text) < ($1.dueOn?.description ?? "9999", $1.text) }
    }

    private func ownerNames(_ ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await UserModel.query(on: database).filter(\.$id ~~ Array(ids)).all().map { ($0.id!, $0.name) })
    }

    private func record(_ model: FollowUpModel, engagement: RecordRef, owners: [UUID: String]) -> FollowUpRecord {
        FollowUpRecord(id: model.id!, engagement: engagement, text: model.text,
                       owner: model.ownerID.map { RecordRef(id: $0, name: owners[$0] ?? "") },
                       dueOn: model.dueOn, status: model.status, version: model.version)
    }
}
