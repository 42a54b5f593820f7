import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

public struct FieldVisitInput: Sendable, Equatable {
    public var title: String
    public var purpose: String?
    public var startsOn: String
    public var endsOn: String
    public var status: String = VisitStatus.planned.rawValue
    public var summary: String?
    public var placeIDs: [UUID] = []
    /// The delegation: users of Roundtable and people from the registry.
    public var memberUserIDs: [UUID] = []
    public var memberPersonIDs: [UUID] = []

    public init(title: String, startsOn: String, endsOn: String) {
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}

public struct FieldVisitSummary: Sendable, Equatable, Codable {
    public var id: UUID
    public var title: String
    public var startsOn: Day
    public var endsOn: Day
    public var status: VisitStatus
    public var isDeleted: Bool
}

public struct FieldVisitRecord: Sendable, Equatable, Codable {
    public var summary: FieldVisitSummary
    public var purpose: String?
    public var notes: String?
    public var places: [RecordRef]
    public var users: [RecordRef]
    public var people: [RecordRef]
    public var version: Int

    public var id: UUID { summary.id }
}

/// A delegation's trips. A visit's page lists its engagements in time order (`Engagements.list` with the
/// visit and `chronological`).
public struct FieldVisits: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    static let recordType = "field_visit"

    public func list(page: Int = 1, perPage: Int = 50, includeDeleted: Bool = false, by actor: Actor) async throws -> ListPage<FieldVisitSummary> {
        try actor.require(.readRecords)
        var builder = FieldVisitModel.query(on: database)
        if !(includeDeleted && actor.can(.restoreRecords)) { builder = builder.filter(\.$deletedAt == nil) }
        let found = try await fetchPage(builder.sort(\.$startsOn, .descending).sort(\.$id), page: page, perPage: perPage)
        return found.map(Self.summary)
    }

    public func get(_ id: UUID, by actor: Actor) async throws -> FieldVisitRecord {
        try await record(try await find(id, by: actor), by: actor)
    }

    func find(_ id: UUID, by actor: Actor, includeDeleted: Bool = true, on db: (any Database)? = nil) async throws -> FieldVisitModel {
        try actor.require(.readRecords)
        guard let model = try await FieldVisitModel.find(id, on: db ?? database),
              model.deletedAt == nil || (includeDeleted && actor.can(.restoreRecords))
        else { throw DomainError.notFound("field_visit") }
        return model
    }

    /// Titles of many visits at once, for engagement lists.
    func titles(of ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty, let sql = database as? any SQLDatabase else { return [:] }
        return try await PeopleListQuery.names(of: FieldVisitModel.schema, ids: ids, sql: sql, column: "title")
    }

    /// Choices for the engagement form's "part of visit" menu, newest first.
    public func choices(by actor: Actor) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        return try await FieldVisitModel.query(on: database).filter(\.$deletedAt == nil).sort(\.$startsOn, .descending).limit(200).all()
            .map { RecordRef(id: $0.id!, name: "\($0.title) (\($0.startsOn))") }
    }

    static func summary(_ model: FieldVisitModel) -> FieldVisitSummary {
        FieldVisitSummary(id: model.id!, title: model.title, startsOn: Day(model.startsOn) ?? Day(year: 2000, month: 1, day: 1)!,
                          endsOn: Day(model.endsOn) ?? Day(year: 2000, month: 1, day: 1)!, status: VisitStatus(rawValue: model.status) ?? .planned,
                          isDeleted: model.deletedAt != nil)
    }

    func record(_ model: FieldVisitModel, by actor: Actor) async throws -> FieldVisitRecord {
        let id = model.id!
        let placeIDs = try await VisitPlaceModel.query(on: database).filter(\.$visitID == id).all().map(\.placeID)
        let places = try await Places(database: database, language: language).names(of: placeIDs)
        let members = try await VisitMemberModel.query(on: database).filter(\.$visitID == id).all()
        let userIDs = members.compactMap(\.userID)
        let users = userIDs.isEmpty ? [] : try await UserModel.query(on: database).filter(\.$id ~~ userIDs).all()
        var people = PersonModel.query(on: database).filter(\.$id ~~ members.compactMap(\.personID)).filter(\.$deletedAt == nil)
        if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal.rawValue) }
        let memberPeople = members.contains { $0.personID != nil } ? try await people.all() : []
        return FieldVisitRecord(
            summary: Self.summary(model), purpose: model.purpose, notes: model.summary,
            places: placeIDs.compactMap { id in places[id].map { RecordRef(id: id, name: $0) } }.sorted { $0.name < $1.name },
            users: users.map { RecordRef(id: $0.id!, name: $0.name) }.sorted { $0.name < $1.name },
            people: memberPeople.map { RecordRef(id: $0.id!, name: $0.name) }.sorted { $0.name < $1.name },
            version: model.version
        )
    }

    public func create(_ input: FieldVisitInput, by actor: Actor, now: Date = Date()) async throws -> FieldVisitRecord {
        try actor.require(.writeRecords)
        let model = FieldVisitModel()
        model.id = UUID()
        model.createdAt = now
        model.version = 1
        try await database.transaction { tx in
            try await apply(input, to: model, by: actor, now: now, on: tx)
            try await model.create(on: tx)
            try await replaceMembers(of: model.id!, input, keepingHiddenFrom: actor, on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id, recordLabel: model.title,
                                        changes: FieldChange.between([], Self.auditFields(model, input)), at: now, on: tx)
        }
        return try await record(model, by: actor)
    }

    public func update(_ id: UUID, _ input: FieldVisitInput, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> FieldVisitRecord {
        try actor.require(.writeRecords)
        let model: FieldVisitModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, includeDeleted: false, on: tx)
            let places = try await VisitPlaceModel.query(on: tx).filter(\.$visitID == id).all().map(\.placeID)
            let members = try await VisitMemberModel.query(on: tx).filter(\.$visitID == id).all()
            var before = FieldVisitInput(title: model.title, startsOn: model.startsOn, endsOn: model.endsOn)
            before.placeIDs = places
            before.memberUserIDs = members.compactMap(\.userID)
            before.memberPersonIDs = members.compactMap(\.personID)
            let beforeFields = Self.auditFields(model, before)
            try await apply(input, to: model, by: actor, now: now, on: tx)
            try requireVersion(expectedVersion, current: model.version)
            let changes = FieldChange.between(beforeFields, Self.auditFields(model, input))
            guard !changes.isEmpty else { return model }
            model.version += 1
            try await model.update(on: tx)
            try await replaceMembers(of: id, input, keepingHiddenFrom: actor, on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.title,
                                        changes: changes, at: now, on: tx)
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

    public func restore(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> FieldVisitRecord {
        try actor.require(.restoreRecords)
        let model: FieldVisitModel = try await database.transaction { tx in
            let model = try await find(id, by: actor, on: tx)
            try await SoftDelete.restore(model, recordType: Self.recordType, by: actor, now: now, on: tx)
            return model
        }
        return try await record(model, by: actor)
    }

    func apply(_ input: FieldVisitInput, to model: FieldVisitModel, by actor: Actor, now: Date, on db: any Database) async throws {
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
            if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal.rawValue) }
            v.check(try await people.count() == Set(input.memberPersonIDs).count, "memberPersonIDs", "reference.unknown")
        }
        try v.throwIfInvalid()
        model.title = title!
        model.purpose = purpose
        model.startsOn = starts!.description
        model.endsOn = ends!.description
        model.status = status!.rawValue
        model.summary = summary
        model.updatedAt = now
    }

    func replaceMembers(of id: UUID, _ input: FieldVisitInput, keepingHiddenFrom actor: Actor, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.delete(from: VisitPlaceModel.schema).where("visit_id", .equal, SQLBind(id)).run()
        for place in Set(input.placeIDs) { try await VisitPlaceModel(visitID: id, placeID: place).create(on: db) }
        var delete = sql.delete(from: VisitMemberModel.schema).where("visit_id", .equal, SQLBind(id))
        if !actor.canSee(.restricted) {
            // Restricted people in the delegation stay: this actor could not see them to keep them.
            delete = delete.where(SQLQueryString("(\(ident: "person_id") IS NULL OR \(ident: "person_id") IN (SELECT \(ident: "id") FROM \(ident: PersonModel.schema) WHERE \(ident: "sensitivity") = \(bind: Sensitivity.normal.rawValue)))"))
        }
        try await delete.run()
        for user in Set(input.memberUserIDs) { try await VisitMemberModel(visitID: id, userID: user, personID: nil).create(on: db) }
        for person in Set(input.memberPersonIDs) { try await VisitMemberModel(visitID: id, userID: nil, personID: person).create(on: db) }
    }

    static func auditFields(_ model: FieldVisitModel, _ input: FieldVisitInput) -> [(String, String?)] {
        func ids(_ list: [UUID]) -> String? { list.isEmpty ? nil : Set(list).map(\.uuidString).sorted().joined(separator: ", ") }
        return [("title", model.title), ("purpose", model.purpose), ("startsOn", model.startsOn), ("endsOn", model.endsOn),
                ("status", model.status), ("summary", model.summary), ("places", ids(input.placeIDs)),
                ("users", ids(input.memberUserIDs)), ("people", ids(input.memberPersonIDs))]
    }
}

extension FieldVisitModel: SoftDeletable {
    var auditLabel: String { title }
}
