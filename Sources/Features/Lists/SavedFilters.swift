import Domain
import FluentKit
import Foundation
import Storage

/// One user's saved filters of a list: a name for a filtered, sorted list, to open it again in one click.
/// They are the user's own (nobody else sees them) and, like every change, in the audit trail.
public struct SavedFilters: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public static let recordType = "saved_filter"
    public static let maximumNameLength = 80
    public static let maximumQueryLength = 2000
    /// Enough for every list a person keeps an eye on; more is a sign of a list that needs a better filter.
    public static let maximumPerList = 30

    public struct Saved: Sendable, Equatable {
        public var id: UUID
        public var name: String
        /// The list's query (`community=…&sort=-name`), without its page.
        public var query: String
    }

    /// Whether a text can stand as a list address's query (`community=…&q=redžepi`): no fragment, no
    /// spaces or invisible characters — nothing that would end the address or break the header it goes back
    /// in. Letters of any script stay, as the lists' own links write them.
    public static func isListQuery(_ query: String) -> Bool {
        !query.hasPrefix("?") && query.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
                return false
            default:
                return scalar != "#"
            }
        }
    }

    /// The actor's saved filters of one list, by name.
    public func of(list: String, by actor: Actor) async throws -> [Saved] {
        guard let userID = actor.userID else { return [] }
        return try await SavedFiltersOfList.rows(binding: [.id(userID), .text(list)], on: database).map { row in
            Saved(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
                  query: try row.decode(column: "query", as: String.self))
        }
    }

    /// Saves the list's query under a name; a name already used for this list is replaced (its new query).
    @discardableResult
    public func save(name: String, list: String, query: String, by actor: Actor, now: Date = Date()) async throws -> Saved {
        guard let userID = actor.userID else { throw DomainError.forbidden }
        let name = name.trimmingWhitespace()
        var issues: [FieldIssue] = []
        if name.isEmpty { issues.append(FieldIssue(field: "name", "field.required")) }
        if name.count > Self.maximumNameLength {
            issues.append(FieldIssue(field: "name", "field.tooLong", String(Self.maximumNameLength)))
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            issues.append(FieldIssue(field: "name", "field.control"))
        }
        if query.count > Self.maximumQueryLength || !Self.isListQuery(query) {
            issues.append(FieldIssue(field: "query", "savedFilters.queryInvalid"))
        }
        guard issues.isEmpty else { throw DomainError.invalid(issues) }
        return try await database.transaction { tx in
            let existing = try await SavedFilterModel.query(on: tx).filter(\.$userID == userID).filter(\.$list == list)
                .filter(\.$name == name).first()
            if let existing {
                let changes = FieldChange.between([("query", existing.query)], [("query", query)])
                existing.query = query
                try await existing.update(on: tx)
                try await AuditTrail.record(.update, by: actor, recordType: Self.recordType, recordID: existing.id,
                                            recordLabel: name, changes: changes, at: now, on: tx)
                return Saved(id: existing.id!, name: name, query: query)
            }
            let count = try await SavedFilterModel.query(on: tx).filter(\.$userID == userID).filter(\.$list == list).count()
            guard count < Self.maximumPerList else {
                throw DomainError.invalid([FieldIssue(field: "name", "savedFilters.tooMany", String(Self.maximumPerList))])
            }
            let model = SavedFilterModel(userID: userID, list: list, name: name, query: query, createdAt: now)
            try await model.create(on: tx)
            try await AuditTrail.record(.create, by: actor, recordType: Self.recordType, recordID: model.id,
                                        recordLabel: name,
                                        changes: FieldChange.between([], [("list", list), ("query", query)]), at: now, on: tx)
            return Saved(id: model.id!, name: name, query: query)
        }
    }

    /// Removes one of the actor's saved filters; someone else's is not found.
    public func remove(_ id: UUID, by actor: Actor, now: Date = Date()) async throws -> (list: String, query: String) {
        guard let userID = actor.userID else { throw DomainError.forbidden }
        return try await database.transaction { tx in
            guard let model = try await SavedFilterModel.find(id, on: tx), model.userID == userID else {
                throw DomainError.notFound("savedFilter")
            }
            try await model.delete(on: tx)
            try await AuditTrail.record(.delete, by: actor, recordType: Self.recordType, recordID: id, recordLabel: model.name,
                                        at: now, on: tx)
            return (model.list, model.query)
        }
    }
}

/// A user's saved filters of one list, by name: read on every page of the list, so one fixed statement
/// (see `FixedQuery`).
enum SavedFiltersOfList: FixedQuery {
    static let name = "saved_filters_of_list"
    static let sql = #"SELECT "id", "name", "query" FROM "saved_filters" WHERE "user_id" = {1} AND "list" = {2} ORDER BY "name""#
}
