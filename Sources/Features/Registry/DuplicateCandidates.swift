import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The people and organisations whose names look alike (`DuplicateNames`), for the duplicates page —
/// among the records the reader may see, without the pairs someone marked as not the same.
public struct DuplicateCandidates: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    public enum Kind: String, Sendable, CaseIterable {
        case people, organizations

        var table: String { self == .people ? PersonModel.schema : OrganizationModel.schema }
        var recordType: String { self == .people ? People.recordType : Organizations.recordType }
    }

    public struct Pair: Sendable, Equatable {
        public var first: RecordRef
        public var second: RecordRef
        public var likeness: DuplicateNames.Likeness
    }

    public struct Found: Sendable {
        public var pairs: [Pair]
        /// All pairs found (more than `pairs` when limited).
        public var total: Int
    }

    public func pairs(_ kind: Kind, limit: Int = 200, by actor: Actor) async throws -> Found {
        try actor.require(.readRecords)
        let sql = database.sql
        let sensitivity: SQLQueryString = kind == .people ? ", sensitivity" : ""
        let seesRestricted = actor.canSee(.restricted)
        var index = DuplicateIndex<UUID>()
        var records: [(id: UUID, name: String, names: [String])] = []
        for row in try await sql.raw("SELECT id, name, other_names\(sensitivity) FROM \(ident: kind.table) WHERE deleted_at IS NULL ORDER BY sort_name, id").all() {
            if kind == .people, !seesRestricted, try row.decode(column: "sensitivity", as: String.self) != Sensitivity.normal.rawValue { continue }
            let id = try row.decode(column: "id", as: UUID.self), name = try row.decode(column: "name", as: String.self)
            records.append((id, name, [name] + JSONList.decode(try row.decode(column: "other_names", as: String.self))))
        }
        let dismissed = Set(try await DuplicateDismissalModel.query(on: database).filter(\.$recordType == kind.recordType).all()
            .map { "\($0.firstID)|\($0.secondID)" })
        var pairs: [Pair] = []
        var names: [UUID: String] = [:]
        // Each record is compared with those before it, so every pair is found once.
        for record in records {
            for match in index.matches(for: record.name, limit: 3) {
                let (a, b) = Self.ordered(match.id, record.id)
                guard !dismissed.contains("\(a)|\(b)") else { continue }
                pairs.append(Pair(first: RecordRef(id: match.id, name: names[match.id] ?? match.name), second: RecordRef(id: record.id, name: record.name),
                                  likeness: match.likeness))
            }
            index.add(record.id, names: record.names)
            names[record.id] = record.name
        }
        pairs.sort { ($0.likeness, $0.first.name) < ($1.likeness, $1.first.name) }
        return Found(pairs: Array(pairs.prefix(limit)), total: pairs.count)
    }

    /// Marks two records as not the same; the page stops pairing them. In both records' histories.
    public func dismiss(_ kind: Kind, _ one: UUID, _ other: UUID, by actor: Actor, now: Date = Date()) async throws {
        try actor.require(.writeRecords)
        let first: UUID, second: UUID
        (first, second) = Self.ordered(one, other)
        let names = try await self.names(kind, [first, second], by: actor)
        try await database.transaction { tx in
            guard try await DuplicateDismissalModel.query(on: tx).filter(\.$firstID == first).filter(\.$secondID == second).count() == 0 else { return }
            let dismissal = DuplicateDismissalModel()
            dismissal.recordType = kind.recordType
            dismissal.firstID = first
            dismissal.secondID = second
            dismissal.dismissedBy = actor.label
            dismissal.dismissedAt = now
            try await dismissal.create(on: tx)
            for (id, otherName) in [(first, names[1]), (second, names[0])] {
                try await AuditTrail.record(.update, by: actor, recordType: kind.recordType, recordID: id, recordLabel: id == first ? names[0] : names[1],
                                            changes: [FieldChange(field: "notSameAs", from: nil, to: otherName)], at: now, on: tx)
            }
        }
    }

    func names(_ kind: Kind, _ ids: [UUID], by actor: Actor) async throws -> [String] {
        var names: [String] = []
        for id in ids {
            switch kind {
            case .people: names.append(try await People(database: database).find(id, by: actor, includeDeleted: false).name)
            case .organizations: names.append(try await Organizations(database: database).find(id, by: actor, includeDeleted: false).name)
            }
        }
        return names
    }

    static func ordered(_ a: UUID, _ b: UUID) -> (UUID, UUID) { a.uuidString < b.uuidString ? (a, b) : (b, a) }
}
