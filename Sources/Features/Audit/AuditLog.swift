import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Reading the audit trail: the whole trail for administrators, one record's history for anyone who
/// may see that record.
public struct AuditLog: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public struct Entry: Sendable, Equatable, Codable {
        public var id: UUID
        public var at: Date
        public var actorID: UUID?
        public var actor: String
        public var action: String
        public var recordType: String
        public var recordID: UUID?
        public var recordLabel: String
        public var changes: [FieldChange]
    }

    public struct Filter: Sendable, Equatable {
        public var actor: String?
        public var action: AuditAction?
        public var recordType: String?
        public var recordID: UUID?
        /// Inclusive lower bound.
        public var from: Date?
        /// Exclusive upper bound.
        public var to: Date?
        /// The oldest first (reading a period through from its start) instead of the newest.
        public var oldestFirst = false

        public init(actor: String? = nil, action: AuditAction? = nil, recordType: String? = nil, recordID: UUID? = nil, from: Date? = nil, to: Date? = nil) {
            self.actor = actor
            self.action = action
            self.recordType = recordType
            self.recordID = recordID
            self.from = from
            self.to = to
        }
    }

    public struct Page: Sendable {
        public var entries: [Entry]
        public var page: Int
        public var hasMore: Bool
    }

    public static let pageSize = 50

    public func list(_ filter: Filter, page: Int = 1, pageSize: Int = AuditLog.pageSize, by actor: Actor) async throws -> Page {
        try actor.require(.viewAuditTrail)
        let page = max(1, min(page, 100_000))
        var query = try select()
        if let value = filter.actor?.trimmingWhitespace(), !value.isEmpty {
            query = query.where("actor_label", .equal, SQLBind(EmailAddress.normalized(value)))
        }
        if let action = filter.action { query = query.where("action", .equal, SQLBind(action.rawValue)) }
        if let type = filter.recordType, !type.isEmpty { query = query.where("record_type", .equal, SQLBind(type)) }
        if let id = filter.recordID { query = query.where("record_id", .equal, SQLBind(id)) }
        if let from = filter.from { query = query.where("at", .greaterThanOrEqual, SQLBind(from)) }
        if let to = filter.to { query = query.where("at", .lessThan, SQLBind(to)) }
        let direction: SQLDirection = filter.oldestFirst ? .ascending : .descending
        let rows = try await entries(query.orderBy("at", direction).orderBy("id", .ascending)
            .limit(pageSize + 1).offset((page - 1) * pageSize))
        return Page(entries: Array(rows.prefix(pageSize)), page: page, hasMore: rows.count > pageSize)
    }

    /// One record's history, newest first. The caller has already shown that the actor may see the record.
    public func history(of recordID: UUID, limit: Int = 200) async throws -> [Entry] {
        try await entries(try select().where("record_id", .equal, SQLBind(recordID)).orderBy("at", .descending).limit(limit))
    }

    /// Entries are read as plain rows: building Fluent models (reflection over every field) cost more
    /// than the query on the home page and the audit page.
    private func select() throws -> SQLSelectBuilder {
        let sql = database.sql
        return sql.select()
            .columns("id", "at", "actor_id", "actor_label", "action", "record_type", "record_id", "record_label", "changes")
            .from(AuditEntryModel.schema)
    }

    private func entries(_ select: SQLSelectBuilder) async throws -> [Entry] {
        try await select.all().map { row in
            Entry(id: try row.decode(column: "id", as: UUID.self), at: try row.decode(column: "at", as: Date.self),
                  actorID: try row.decode(column: "actor_id", as: UUID?.self), actor: try row.decode(column: "actor_label", as: String.self),
                  action: try row.decode(column: "action", as: String.self), recordType: try row.decode(column: "record_type", as: String.self),
                  recordID: try row.decode(column: "record_id", as: UUID?.self), recordLabel: try row.decode(column: "record_label", as: String.self),
                  changes: AuditEntryModel.decodeChanges(try row.decode(column: "changes", as: String.self)))
        }
    }

    /// Record types present in the trail, for the filter's choices.
    public func recordTypes() async throws -> [String] {
        try await AuditEntryModel.query(on: database).unique().all(\.$recordType).sorted()
    }
}

extension AuditLog {
    /// What one user did lately: everyone may see their own actions.
    public func recent(byUserID userID: UUID, limit: Int) async throws -> [Entry] {
        try await entries(try select().where("actor_id", .equal, SQLBind(userID)).orderBy("at", .descending).limit(limit))
    }
}
