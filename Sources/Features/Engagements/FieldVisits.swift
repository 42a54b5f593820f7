import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// A delegation's trips. A visit's page lists its engagements in time order (`Engagements.list` with the
/// visit and `chronological`).
public struct FieldVisits: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "field_visit"

    public func list(page: Int = 1, perPage: Int = 50, includeDeleted: Bool = false, by actor: Actor) async throws -> ListPage<FieldVisitSummary> {
        try actor.require(.readRecords)
        var builder = FieldVisitModel.query(on: database)
        if !(includeDeleted && actor.can(.restoreRecords)) { builder = builder.filter(\.$deletedAt == nil) }
        let found = try await fetchPage(builder.sort(\.$startsOn, .descending).sort(\.$id), page: page, perPage: perPage)
        return found.map(Self.summary)
    }

    /// Titles of many visits at once, for engagement lists.
    func titles(of ids: [UUID]) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let sql = database.sql
        return try await PeopleListQuery.names(of: FieldVisitModel.schema, ids: ids, sql: sql, column: "title")
    }

    /// Choices for the engagement form's "part of visit" menu, newest first.
    public func choices(by actor: Actor) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        let text = Localizer(language: language)
        // Read without building models (reflection costs a fifth of a millisecond a row), by one fixed
        // statement: the people list offers this menu on every page.
        let rows = try await VisitChoices.rows(binding: [], on: database)
        return try rows.map { row in
            let day = try row.decode(column: "starts_on", as: Day.self)
            return RecordRef(id: try row.decode(column: "id", as: UUID.self),
                             name: "\(try row.decode(column: "title", as: String.self)) (\(text.day(day)))")
        }
    }

    /// The visits whose days include `day` (the desk's "under way"), soonest ending first.
    public func underWay(on day: Day, by actor: Actor) async throws -> [FieldVisitSummary] {
        try actor.require(.readRecords)
        return try await FieldVisitModel.query(on: database).filter(\.$deletedAt == nil)
            .filter(\.$startsOn <= day).filter(\.$endsOn >= day).sort(\.$endsOn).limit(10).all().map(Self.summary)
    }

    static func summary(_ model: FieldVisitModel) -> FieldVisitSummary {
        FieldVisitSummary(id: model.id!, title: model.title, startsOn: model.startsOn, endsOn: model.endsOn, status: model.status,
                          isDeleted: model.deletedAt != nil)
    }

    public func record(_ model: FieldVisitModel, by actor: Actor) async throws -> FieldVisitRecord {
        let id = model.id!
        let placeIDs = try await VisitPlaceModel.targets(of: id, on: database)
        let places = try await Places(database: database, language: language).names(of: placeIDs)
        let members = try await VisitMemberModel.query(on: database).filter(\.$visitID == id).all()
        let userIDs = members.compactMap(\.userID)
        let users = userIDs.isEmpty ? [] : try await UserModel.query(on: database).filter(\.$id ~~ userIDs).all()
        var people = PersonModel.query(on: database).filter(\.$id ~~ members.compactMap(\.personID)).filter(\.$deletedAt == nil)
        if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal) }
        let memberPeople = members.contains { $0.personID != nil } ? try await people.all() : []
        return FieldVisitRecord(
            summary: Self.summary(model), purpose: model.purpose, notes: model.summary,
            places: placeIDs.compactMap { id in places[id].map { RecordRef(id: id, name: $0) } }.sorted { $0.name < $1.name },
            users: users.map { RecordRef(id: $0.id!, name: $0.name) }.sorted { $0.name < $1.name },
            people: memberPeople.map { RecordRef(id: $0.id!, name: $0.name) }.sorted { $0.name < $1.name },
            version: model.version
        )
    }
}

/// The latest 200 visits for a "part of visit" menu (`FieldVisits.choices`), read on every page of the people
/// list: one fixed statement (see `FixedQuery`).
enum VisitChoices: FixedQuery {
    static let name = "visit_choices"
    static let sql = #"SELECT "id", "title", "starts_on" FROM "field_visits" WHERE "deleted_at" IS NULL ORDER BY "starts_on" DESC, "id" ASC LIMIT 200"#
}
