import Domain
import FluentKit
import Foundation
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
        var query = AuditEntryModel.query(on: database)
        if let value = filter.actor?.trimmingWhitespace(), !value.isEmpty {
            query = query.filter(\.$actorLabel == EmailAddress.normalized(value))
        }
        if let action = filter.action { query = query.filter(\.$action == action.rawValue) }
        if let type = filter.recordType, !type.isEmpty { query = query.filter(\.$recordType == type) }
        if let id = filter.recordID { query = query.filter(\.$recordID == id) }
        if let from = filter.from { query = query.filter(\.$at >= from) }
        if let to = filter.to { query = query.filter(\.$at < to) }
        let rows = try await query.sort(\.$at, .descending).sort(\.$id)
            .range((page - 1) * pageSize ..< page * pageSize + 1).all()
        return Page(entries: rows.prefix(pageSize).map(\.entry), page: page, hasMore: rows.count > pageSize)
    }

    /// One record's history, newest first. The caller has already shown that the actor may see the record.
    public func history(of recordID: UUID, limit: Int = 200) async throws -> [Entry] {
        try await AuditEntryModel.query(on: database).filter(\.$recordID == recordID)
            .sort(\.$at, .descending).limit(limit).all().map(\.entry)
    }

    /// Record types present in the trail, for the filter's choices.
    public func recordTypes() async throws -> [String] {
        try await AuditEntryModel.query(on: database).unique().all(\.$recordType).sorted()
    }
}

extension AuditEntryModel {
    var entry: AuditLog.Entry {
        AuditLog.Entry(
            id: id!, at: at, actorID: actorID, actor: actorLabel, action: action, recordType: recordType,
            recordID: recordID, recordLabel: recordLabel, changes: changes
        )
    }
}

extension AuditLog {
    /// What one user did lately: everyone may see their own actions.
    public func recent(byUserID userID: UUID, limit: Int) async throws -> [Entry] {
        try await AuditEntryModel.query(on: database).filter(\.$actorID == userID)
            .sort(\.$at, .descending).limit(limit).all().map(\.entry)
    }
}
