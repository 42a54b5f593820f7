import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Other actors' activities — organisation, theme or sector, places, period, contact, notes on alignment
/// and overlap — so a team sees who else works where before planning its own. A restricted contact person
/// is left out for roles that may not see them.
public struct Coordination: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "coordination_activity"

    public struct Query: Sendable, Equatable {
        /// This place or any place within it.
        public var placeID: UUID?
        /// Activities running on any day of `from…to` (an open end runs on).
        public var from: Day?
        public var to: Day?
        public var includeDeleted = false

        public init() {}
    }

    /// Every matching activity, by organisation and theme (coordination lists are hundreds, not thousands).
    public func all(_ query: Query, by actor: Actor) async throws -> [CoordinationRecord] {
        try actor.require(.readRecords)
        var builder = CoordinationActivityModel.query(on: database)
        if !(query.includeDeleted && actor.can(.restoreRecords)) { builder = builder.filter(\.$deletedAt == nil) }
        if let to = query.to { builder = builder.group(.or) { $0.filter(\.$startsOn == nil).filter(\.$startsOn <= to) } }
        if let from = query.from { builder = builder.group(.or) { $0.filter(\.$endsOn == nil).filter(\.$endsOn >= from) } }
        if let placeID = query.placeID {
            let within = try await PlaceTree.load(database).descendants(of: placeID)
            builder = builder.filter(\.$id ~~ (try await CoordinationPlaceModel.owners(linkedTo: Array(within), on: database)))
        }
        return try await records(builder.limit(5_000).all(), by: actor)
    }

    public func matrix(_ query: Query, by actor: Actor) async throws -> CoordinationMatrix {
        let activities = try await all(query, by: actor)
        var cells: [UUID: [String: [CoordinationRecord]]] = [:]
        var actors: [UUID: RecordRef] = [:]
        for activity in activities {
            cells[activity.organization.id, default: [:]][activity.theme, default: []].append(activity)
            actors[activity.organization.id] = activity.organization
        }
        let themes = Set(activities.map(\.theme)).sorted { $0.localizedStandardCompare($1) == .orderedAscending }
        return CoordinationMatrix(themes: themes, actors: actors.values.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }, cells: cells)
    }

    /// The activities as rows for HXL-aware tools: one row per activity and place, with the place's region
    /// (admin 1) and municipality (admin 2). The file is shared with other actors, so it is a public
    /// output: a contact is named only if they agreed to be named publicly (`PublicationCheck.mayName`).
    public func hxlRows(_ query: Query, by actor: Actor) async throws -> [[String]] {
        let activities = try await all(query, by: actor)
        let contacts = try await PublicationSubjects.load(Set(activities.compactMap(\.contact?.id)), on: database)
        func contactName(_ activity: CoordinationRecord) -> String {
            guard let contact = activity.contact, let subject = contacts[contact.id], PublicationCheck.mayName(subject) else { return "" }
            return contact.name
        }
        let tree = try await PlaceTree.load(database)
        let names = try await Places(database: database, language: language).names(of: tree.ids)
        var rows: [[String]] = [["Organisation", "Sector", "Region", "Municipality", "Start", "End", "Contact"],
                                ["#org", "#sector", "#adm1+name", "#adm2+name", "#date+start", "#date+end", "#contact+name"]]
        for activity in activities {
            let places = activity.places.isEmpty ? [nil] : activity.places.map { Optional($0.id) }
            for place in places {
                let levels = place.map { tree.adminLevels(of: $0) } ?? (nil, nil)
                rows.append([activity.organization.name, activity.theme, levels.0.flatMap { names[$0] } ?? "", levels.1.flatMap { names[$0] } ?? "",
                             activity.period.from?.description ?? "", activity.period.to?.description ?? "", contactName(activity)])
            }
        }
        return rows
    }

    public func record(_ model: CoordinationActivityModel, by actor: Actor) async throws -> CoordinationRecord {
        try await records([model], by: actor)[0]
    }

    func records(_ models: [CoordinationActivityModel], by actor: Actor) async throws -> [CoordinationRecord] {
        guard !models.isEmpty else { return [] }
        let ids = models.map { $0.id! }
        let orgs = try await OrganizationModel.query(on: database).filter(\.$id ~~ Array(Set(models.map(\.organizationID)))).all()
        let orgNames = Dictionary(orgs.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        var people = PersonModel.query(on: database).filter(\.$id ~~ models.compactMap(\.contactPersonID)).filter(\.$deletedAt == nil)
        if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal) }
        let contacts = Dictionary(try await people.all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let places = try await Places(database: database, language: language).named(CoordinationPlaceModel.self, of: ids)
        return models.map { model in
            CoordinationRecord(id: model.id!, organization: RecordRef(id: model.organizationID, name: orgNames[model.organizationID] ?? ""),
                               theme: model.theme, period: DaySpan(from: model.startsOn, to: model.endsOn),
                               places: places[model.id!] ?? [],
                               contact: model.contactPersonID.flatMap { id in contacts[id].map { RecordRef(id: id, name: $0) } },
                               notes: model.notes, isDeleted: model.deletedAt != nil, version: model.version)
        }.sorted { ($0.organization.name, $0.theme) < ($1.organization.name, $1.theme) }
    }
}
