import Domain
import FluentKit
import Foundation
import Storage

/// What the author writes into a visit beside what its record says (the public update's text, the
/// report's narrative), kept in a row of its own, one a visit. Version 0 means nothing saved yet.
public protocol VisitWriting: Sendable {
    associatedtype Row: VisitWritingRow
    /// Nothing written yet.
    init()
    /// As it is saved.
    init(_ row: Row)
    /// The row of a visit that has none yet, before its first save.
    static func newRow(visit: UUID) -> Row
    /// The text as it is saved: checked (every issue at once) and tidied.
    func checked() throws -> Self
    /// What saving this text changes, as the visit's history names it.
    func changes(from row: Row) -> [FieldChange]
    func write(to row: Row)
}

/// The row a `VisitWriting` is kept in.
public protocol VisitWritingRow: Model where IDValue == UUID {
    static var visit: KeyPath<Self, FieldProperty<Self, UUID>> { get }
    var updatedAt: Date { get set }
    var version: Int { get set }
}

extension VisitWriting {
    /// The text with each of these fields trimmed and checked against its length (`v` notes every issue).
    func checking(_ fields: [(WritableKeyPath<Self, String?>, name: String, max: Int)], on v: inout Validator) -> Self {
        var checked = self
        for field in fields { checked[keyPath: field.0] = v.text(self[keyPath: field.0], field.name, max: field.max) }
        return checked
    }
}

public typealias PublicUpdates = VisitWritings<PublicUpdateText>
public typealias VisitReportNarratives = VisitWritings<VisitReportNarrative>

/// Reading and saving what the author writes into a visit: as visible as the visit, saved against the
/// version it started from, each change in the visit's history.
public struct VisitWritings<Text: VisitWriting>: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public func get(visit id: UUID, by actor: Actor) async throws -> Text {
        _ = try await FieldVisits(database: database).find(id, by: actor)
        return try await Text.Row.query(on: database).filter(Text.Row.visit == id).first().map(Text.init) ?? Text()
    }

    public func save(_ input: Text, visit id: UUID, expectedVersion: Int?, by actor: Actor, now: Date = Date()) async throws -> Text {
        try actor.require(.writeRecords)
        let text = try input.checked()
        return try await database.transaction { tx in
            let visit = try await FieldVisits(database: tx).find(id, by: actor, includeDeleted: false, on: tx)
            let row = try await Text.Row.query(on: tx).filter(Text.Row.visit == id).first() ?? Text.newRow(visit: id)
            try requireVersion(expectedVersion, current: row.version)
            let changes = text.changes(from: row)
            guard !changes.isEmpty else { return Text(row) }
            text.write(to: row)
            row.updatedAt = now
            row.version += 1
            try await row.save(on: tx)
            try await AuditTrail.record(.update, by: actor, recordType: FieldVisits.recordType, recordID: id, recordLabel: visit.title,
                                        changes: changes, at: now, on: tx)
            return Text(row)
        }
    }
}
