import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Who took part in what, held in memory for the period figures: every live engagement with its day, kind,
/// place, confidentiality, participants and organisations; every person's community, restriction and posts;
/// every organisation's level. A year at the benchmark's scale is 50,000 engagements and 125,000
/// participations: counting distinct people by community and by the level of the post held that day took
/// seconds in SQL (each participation probes people and positions through text keys), and takes
/// milliseconds here.
///
/// It stays current by reading the audit trail: every change is recorded there, in the same transaction,
/// with the record's type and identity, so before each use the index reloads just the engagements, people,
/// posts and organisations that changed since it last looked (another server process's changes included).
/// Writes that bypass the use cases (the benchmark generator) are seen at the next start.
public actor ReachIndex {
    struct Engagement {
        var day: Int32
        /// Into `kinds`: a kind's name is kept once, not once an engagement.
        var kind: UInt16
        var restricted: Bool
        var place: UUID?
        var people: [Int32]
        var organizations: [Int32]
    }

    struct Person {
        var community: UUID?
        var gender: HeadCountGender
        var restricted: Bool
        var live: Bool
        /// Posts: first and last day as yyyymmdd (nil: open), and the organisation.
        var posts: [(from: Int32?, to: Int32?, organization: Int32)]
    }

    struct Organization {
        var level: String?
        var live: Bool
    }

    // The index itself, filled by `ReachIndex+Loading` and read by `ReachIndex+Counting`; only the actor touches it.
    var engagements: [UUID: Engagement] = [:]
    var kinds: [String] = []
    var kindNumbers: [String: UInt16] = [:]
    var personNumbers: [UUID: Int32] = [:]
    var people: [Person] = []
    var organizationNumbers: [UUID: Int32] = [:]
    var organizations: [Organization] = []
    /// The audit entries already applied from the last `lookback` before the newest one read. An entry is
    /// stamped before its transaction commits, so a slow transaction's entry can appear after a later one's:
    /// each look goes back this far and skips what it has applied.
    private var seenAt: Date?
    private var seen: [UUID: Date] = [:]
    static let lookback: TimeInterval = 30
    private var loaded = false
    private var refreshing: Task<Void, any Error>?

    /// More changes than this since the last look, and the index reloads everything.
    static let fullReloadAfter = 2_000

    public init() {}

    /// Brings the index up to date with the database (loading it the first time).
    public func refresh(_ database: any Database) async throws {
        if let refreshing { return try await refreshing.value }
        let task = Task { try await self.update(database) }
        refreshing = task
        defer { refreshing = nil }
        try await task.value
    }

    private func update(_ database: any Database) async throws {
        let sql = database.sql
        if !loaded { return try await loadAll(sql, database) }
        var query = AuditEntryModel.query(on: database).sort(\.$at)
        if let seenAt { query = query.filter(\.$at >= seenAt.addingTimeInterval(-Self.lookback)) }
        let entries = try await query.limit(Self.fullReloadAfter + seen.count + 1).all()
        let fresh = entries.filter { seen[$0.id!] == nil }
        guard !fresh.isEmpty else { return }
        if fresh.count > Self.fullReloadAfter { return try await loadAll(sql, database) }
        var changedEngagements = Set<UUID>(), changedPeople = Set<UUID>(), changedPositions = Set<UUID>(), changedOrganizations = Set<UUID>()
        for entry in fresh {
            guard let id = entry.recordID else { continue }
            switch entry.recordType {
            case "engagement": changedEngagements.insert(id)
            case "person": changedPeople.insert(id)
            case "position": changedPositions.insert(id)
            case "organization": changedOrganizations.insert(id)
            default: continue
            }
        }
        if !changedPositions.isEmpty {
            let rows = try await sql.raw("SELECT person_id FROM positions WHERE id IN (\(binds: Array(changedPositions)))").all()
            changedPeople.formUnion(try rows.map { try $0.decode(column: "person_id", as: UUID.self) })
        }
        if !changedPeople.isEmpty {
            // A person's change may move their participations too (a merge): reload the engagements they are in.
            let rows = try await sql.raw("SELECT engagement_id FROM participations WHERE person_id IN (\(binds: Array(changedPeople)))").all()
            changedEngagements.formUnion(try rows.map { try $0.decode(column: "engagement_id", as: UUID.self) })
            try await loadPeople(sql, only: Array(changedPeople))
        }
        if !changedOrganizations.isEmpty { try await loadOrganizations(sql, only: Array(changedOrganizations)) }
        if !changedEngagements.isEmpty { try await loadEngagements(sql, only: Array(changedEngagements)) }
        remember(entries)
    }

    private func remember(_ entries: [AuditEntryModel]) {
        for entry in entries { seen[entry.id!] = entry.at }
        guard let newest = seen.values.max() else { return }
        seenAt = newest
        seen = seen.filter { $0.value >= newest.addingTimeInterval(-Self.lookback) }
    }

    private func loadAll(_ sql: any SQLDatabase, _ database: any Database) async throws {
        // Read the marker first: a change made while loading is then applied again next time (harmless).
        let latest = try await AuditEntryModel.query(on: database).sort(\.$at, .descending).limit(1).first()
        engagements = [:]; personNumbers = [:]; people = []; organizationNumbers = [:]; organizations = []; kinds = []; kindNumbers = [:]
        try await loadOrganizations(sql, only: nil)
        try await loadPeople(sql, only: nil)
        try await loadEngagements(sql, only: nil)
        seen = [:]
        seenAt = nil
        if let latest {
            remember(try await AuditEntryModel.query(on: database).filter(\.$at >= latest.at.addingTimeInterval(-Self.lookback)).all())
        }
        loaded = true
    }
}
