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
    // The index itself, filled by `ReachIndex+Loading` and read by `ReachIndex+Counting`; only the actor touches it.
    // Everything is numbered (kinds, places, people, organisations, communities, levels) and held in flat
    // columns: see `EngagementTable` and `PersonTable`.

    /// The engagements as loaded, sorted by day: a period is found by binary search.
    var sorted = EngagementTable()
    /// The engagements changed since (new versions, in the order they came): few, so counting reads them all.
    /// When they grow many they are merged into `sorted`.
    var recent = EngagementTable()
    /// Where each live engagement's current version is.
    var slots: [UUID: Slot] = [:]
    enum Slot { case sorted(Int32), recent(Int32) }

    var kinds = Numbering<String>()
    var placeIDs = Numbering<UUID>()
    var communityIDs = Numbering<UUID>()
    var personNumbers: [UUID: Int32] = [:]
    var people = PersonTable()
    var organizationNumbers: [UUID: Int32] = [:]
    /// By organisation number: its level (into `levels`; no level is the level "") and whether it is live.
    var organizationLevel: [Int32] = []
    var organizationLive: [Bool] = []
    var levels = Numbering<String>()
    /// Whole months already counted, kept for the next report until something in them changes.
    let tallies = MonthTallies()
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

    /// `recent` is merged into `sorted` (and abandoned posts dropped) once it holds more than this many
    /// engagements (or a 32nd of `sorted`); tests pass 0 to merge after every change.
    let mergeAfter: Int

    public init() { mergeAfter = 1_024 }

    init(mergeAfter: Int) { self.mergeAfter = mergeAfter }

    /// Brings the index up to date with the database (loading it the first time).
    public func refresh(_ database: any Database) async throws {
        if let refreshing { return try await refreshing.value }
        // Loading takes seconds of computing at a large scale: off the event loops (see `LongWork`).
        let task = Task(executorPreference: LongWork.executor) { try await self.update(database) }
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
            // That also forgets the kept months they were counted in (their restriction or posts may have changed).
            let rows = try await sql.raw("SELECT engagement_id FROM participations WHERE person_id IN (\(binds: Array(changedPeople)))").all()
            changedEngagements.formUnion(try rows.map { try $0.decode(column: "engagement_id", as: UUID.self) })
            try await loadPeople(sql, only: Array(changedPeople))
        }
        if !changedOrganizations.isEmpty {
            let changed = Array(changedOrganizations)
            let before = changed.map(countedAs(organization:))
            try await loadOrganizations(sql, only: changed)
            forgetMonths(ifAnyOf: before, became: changed.map(countedAs(organization:)))
        }
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
        tallies.forgetAll()
        sorted = EngagementTable(); recent = EngagementTable(); slots = [:]
        kinds = Numbering(); placeIDs = Numbering(); communityIDs = Numbering()
        personNumbers = [:]; people = PersonTable(); organizationNumbers = [:]; organizationLevel = []; organizationLive = []
        levels = Numbering()
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

    /// About what the index takes in memory (its columns and lookup tables), for the log.
    public var estimatedBytes: Int {
        let uuidKeyed = slots.capacity * 24 + personNumbers.capacity * 20 + organizationNumbers.capacity * 20
        return sorted.bytes + recent.bytes + people.bytes + uuidKeyed + organizationLevel.capacity * 4 + organizationLive.capacity
            + kinds.bytes + placeIDs.bytes + communityIDs.bytes + levels.bytes + tallies.bytes
    }

    /// How many live engagements and people the index holds, for the log.
    public var size: (engagements: Int, people: Int) { (slots.count, personNumbers.count) }
}
