import Domain
import FluentKit
import Foundation
import Storage

/// Finding one record, for every kind. One rule for deleted records on every path (page, history, API):
/// they are seen only by those who may restore them; for everyone else they do not exist.
extension RecordKind {
    /// The stored row, or "not found" — also when the actor may not see it, so that its existence is
    /// not revealed. `includeDeleted` lets those who may restore find a deleted one.
    public func find(_ id: UUID, by actor: Actor, includeDeleted: Bool = true, on db: (any Database)? = nil) async throws -> Model {
        try actor.require(.readRecords)
        guard let model = try await Model.findPrepared(id, on: db ?? database) else { throw try await missing(id, on: db ?? database) }
        guard try await isVisible(model, to: actor, on: db ?? database),
              model.deletedAt == nil || (includeDeleted && actor.can(.restoreRecords))
        else { throw DomainError.notFound(Self.recordType) }
        return model
    }

    /// One record as its page and the API show it.
    public func get(_ id: UUID, by actor: Actor) async throws -> Record {
        try await record(try await find(id, by: actor), by: actor)
    }

    /// The record, only while it is not deleted (what an edit form starts from).
    public func getLive(_ id: UUID, by actor: Actor) async throws -> Record {
        try await record(try await find(id, by: actor, includeDeleted: false), by: actor)
    }

    /// The record and its history, newest first, for whoever may see the record, with the names of the
    /// records its changes mention (those the reader may see).
    public func history(_ id: UUID, by actor: Actor, language: String = "en") async throws -> RecordHistory<Record> {
        let model = try await find(id, by: actor)
        let entries = try await readable(try await AuditLog(database: database).history(of: model.id!), by: actor)
        return RecordHistory(record: try await record(model, by: actor), entries: entries,
                             names: try await HistoryNames.of(entries, by: actor, language: language, on: database))
    }
}

/// A record's history as its page shows it.
public struct RecordHistory<Record: Sendable>: Sendable {
    public var record: Record
    public var entries: [AuditLog.Entry]
    /// Names for the identities the entries mention.
    public var names: [UUID: String]
}
