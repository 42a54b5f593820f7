import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Merging a duplicate into the record to keep: everything that points at the duplicate — posts,
/// participations, quotes, photos, agreement parties, working groups, delegations, assessments,
/// coordination contacts — moves to the kept record; the duplicate's names become the kept record's other
/// names; the duplicate is deleted (soft, so a coordinator still finds it in the history). Both records'
/// histories say so. Merging is for those who may restore records: it is undone by hand.
public struct MergeRecords: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    /// What points at a record, by table and column; `unique` is the column that makes a row a duplicate
    /// once moved (the kept record is already in that engagement, agreement, group …).
    struct Reference {
        var key: String
        var table: String
        var column: String
        var unique: [String]
    }

    static let personReferences = [
        Reference(key: "positions", table: PositionModel.schema, column: "person_id", unique: []),
        Reference(key: "participations", table: ParticipationModel.schema, column: "person_id", unique: ["engagement_id"]),
        Reference(key: "quotes", table: QuoteModel.schema, column: "speaker_id", unique: []),
        Reference(key: "agreements", table: AgreementPartyModel.schema, column: "person_id", unique: ["agreement_id"]),
        Reference(key: "groups", table: WorkingGroupMemberModel.schema, column: "person_id", unique: ["group_id"]),
        Reference(key: "visits", table: VisitMemberModel.schema, column: "person_id", unique: ["visit_id"]),
        Reference(key: "assessments", table: StakeholderAssessmentModel.schema, column: "person_id", unique: []),
        Reference(key: "coordination", table: CoordinationActivityModel.schema, column: "contact_person_id", unique: []),
    ]

    static let organizationReferences = [
        Reference(key: "positions", table: PositionModel.schema, column: "organization_id", unique: []),
        Reference(key: "engagements", table: EngagementOrganizationModel.schema, column: "organization_id", unique: ["engagement_id", "role"]),
        Reference(key: "agreements", table: AgreementPartyModel.schema, column: "organization_id", unique: ["agreement_id"]),
        Reference(key: "recommendations", table: RecommendationModel.schema, column: "organization_id", unique: []),
        Reference(key: "coordination", table: CoordinationActivityModel.schema, column: "organization_id", unique: []),
        Reference(key: "assessments", table: StakeholderAssessmentModel.schema, column: "organization_id", unique: []),
        Reference(key: "children", table: OrganizationModel.schema, column: "parent_id", unique: []),
    ]

    /// What would move, as (catalogue key, count) for the kinds that have any.
    public func preview(person duplicate: UUID, into kept: UUID, by actor: Actor) async throws -> [(String, Int)] {
        try actor.require(.restoreRecords)
        _ = try await People(database: database).find(duplicate, by: actor, includeDeleted: false)
        _ = try await People(database: database).find(kept, by: actor, includeDeleted: false)
        var counts = try await count(Self.personReferences, of: duplicate)
        counts.append(("photos", try await photos(showing: duplicate, on: database).count))
        return counts.filter { $0.1 > 0 }
    }

    public func preview(organization duplicate: UUID, into kept: UUID, by actor: Actor) async throws -> [(String, Int)] {
        try actor.require(.restoreRecords)
        _ = try await Organizations(database: database).find(duplicate, by: actor, includeDeleted: false)
        _ = try await Organizations(database: database).find(kept, by: actor, includeDeleted: false)
        return try await count(Self.organizationReferences, of: duplicate).filter { $0.1 > 0 }
    }

    public func mergePerson(_ duplicateID: UUID, into keptID: UUID, by actor: Actor, now: Date = Date()) async throws -> PersonRecord {
        try await merge(People.self, duplicateID, into: keptID, by: actor, now: now) { people, duplicate, kept, tx in
            let moved = try await move(Self.personReferences, from: duplicateID, to: keptID, on: tx)
            let photosMoved = try await movePhotos(from: duplicateID, to: keptID, on: tx)
            // The kept record gains the duplicate's names and contacts; restricted wins.
            let keptRecord = try await people.record(kept, by: actor)
            var input = PersonInput(keptRecord).absorbing(PersonInput(try await people.record(duplicate, by: actor)))
            input.name = kept.name
            _ = try await people.update(keptID, input, expectedVersion: kept.version, by: actor, now: now)
            return moved + [("photos", photosMoved)]
        }
    }

    public func mergeOrganization(_ duplicateID: UUID, into keptID: UUID, by actor: Actor, now: Date = Date()) async throws -> OrganizationRecord {
        try await merge(Organizations.self, duplicateID, into: keptID, by: actor, now: now) { organizations, duplicate, kept, tx in
            // The kept organisation must not end up inside itself: if it was within the duplicate, it
            // takes the duplicate's place in the tree.
            if kept.$parent.id == duplicateID { kept.$parent.id = duplicate.$parent.id == keptID ? nil : duplicate.$parent.id }
            let moved = try await move(Self.organizationReferences, from: duplicateID, to: keptID, on: tx)
            let input = OrganizationInput(try await organizations.record(kept, by: actor))
                .absorbing(OrganizationInput(try await organizations.record(duplicate, by: actor)))
            _ = try await organizations.update(keptID, input, expectedVersion: kept.version, by: actor, now: now)
            return moved
        }
    }

    /// One merge, in one transaction: the duplicate (the address) and the record to keep (named `into`) are
    /// found, `absorb` moves what refers to the duplicate onto the kept record and returns how much of each,
    /// then the kept record's history says what it took, and the duplicate is deleted, its history saying
    /// where it went.
    private func merge<Kind: LocalizedRecordKind>(
        _ kind: Kind.Type, _ duplicateID: UUID, into keptID: UUID, by actor: Actor, now: Date,
        absorb: @escaping @Sendable (Kind, _ duplicate: Kind.Model, _ kept: Kind.Model, any Database) async throws -> [(String, Int)]
    ) async throws -> Kind.Record {
        try actor.require(.restoreRecords)
        guard duplicateID != keptID else { throw DomainError.invalid([FieldIssue(field: "duplicate", "merge.same")]) }
        try await database.transaction { tx in
            let records = Kind(database: tx, language: language)
            let duplicate = try await records.find(duplicateID, by: actor, includeDeleted: false, on: tx)
            let kept = try await NamedReference.check("into") { try await records.find(keptID, by: actor, includeDeleted: false, on: tx) }
            let moved = try await absorb(records, duplicate, kept, tx)
            let summary = moved.filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
            try await AuditTrail.record(.update, by: actor, recordType: Kind.recordType, recordID: keptID, recordLabel: kept.auditLabel,
                                        changes: [FieldChange(field: "mergedFrom", from: nil, to: duplicate.auditLabel),
                                                  FieldChange(field: "moved", from: nil, to: summary.isEmpty ? "nothing" : summary)], at: now, on: tx)
            try await SoftDelete.delete(duplicate, recordType: Kind.recordType, expectedVersion: nil, by: actor, now: now, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Kind.recordType, recordID: duplicateID, recordLabel: duplicate.auditLabel,
                                        changes: [FieldChange(field: "mergedInto", from: nil, to: kept.auditLabel)], at: now, on: tx)
        }
        return try await Kind(database: database, language: language).get(keptID, by: actor)
    }

    // MARK: Moving

    func count(_ references: [Reference], of id: UUID) async throws -> [(String, Int)] {
        let sql = database.sql
        var counts: [(String, Int)] = []
        for reference in references {
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(ident: reference.table) WHERE \(ident: reference.column) = \(bind: id)").first()
            counts.append((reference.key, try row?.decode(column: "n", as: Int.self) ?? 0))
        }
        return counts
    }

    /// Points every reference at the kept record, first dropping rows that would repeat one it already has.
    func move(_ references: [Reference], from duplicate: UUID, to kept: UUID, on tx: any Database) async throws -> [(String, Int)] {
        let sql = tx.sql
        var moved: [(String, Int)] = []
        for reference in references {
            let table = SQLIdentifier(reference.table), column = SQLIdentifier(reference.column)
            if !reference.unique.isEmpty {
                let same = reference.unique.map { "d.\($0) = k.\($0)" }.joined(separator: " AND ")
                try await sql.raw("""
                    DELETE FROM \(table) WHERE \(column) = \(bind: duplicate) AND id IN (
                      SELECT d.id FROM \(table) d JOIN \(table) k ON \(unsafeRaw: same) AND k.\(column) = \(bind: kept)
                      WHERE d.\(column) = \(bind: duplicate))
                    """).run()
            }
            let row = try await sql.raw("SELECT COUNT(*) AS n FROM \(table) WHERE \(column) = \(bind: duplicate)").first()
            moved.append((reference.key, try row?.decode(column: "n", as: Int.self) ?? 0))
            try await sql.raw("UPDATE \(table) SET \(column) = \(bind: kept) WHERE \(column) = \(bind: duplicate)").run()
        }
        return moved
    }

    /// Photos name the people shown in a JSON list; the duplicate's place in it goes to the kept record.
    func movePhotos(from duplicate: UUID, to kept: UUID, on tx: any Database) async throws -> Int {
        let photos = try await photos(showing: duplicate, on: tx)
        for photo in photos {
            var shown = JSONList.decode(photo.peopleShownJSON)
            shown = shown.map { $0 == duplicate.uuidString ? kept.uuidString : $0 }
            photo.peopleShownJSON = JSONList.encode(shown.uniqued())
            try await photo.update(on: tx)
        }
        return photos.count
    }

    func photos(showing person: UUID, on db: any Database) async throws -> [PhotoModel] {
        // Photos show few people; the list is JSON, so narrow by text first, then read it properly.
        try await PhotoModel.query(on: db).filter(\.$peopleShownJSON, .custom("LIKE"), "%\(person.uuidString)%").all()
            .filter { JSONList.decode($0.peopleShownJSON).contains(person.uuidString) }
    }
}
