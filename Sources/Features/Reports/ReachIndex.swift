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
        var restricted: Bool
        var live: Bool
        /// Posts: first and last day as yyyymmdd (nil: open), and the organisation.
        var posts: [(from: Int32?, to: Int32?, organization: Int32)]
    }

    struct Organization {
        var level: String?
        var live: Bool
    }

    private var engagements: [UUID: Engagement] = [:]
    private var kinds: [String] = []
    private var kindNumbers: [String: UInt16] = [:]
    private var personNumbers: [UUID: Int32] = [:]
    private var people: [Person] = []
    private var organizationNumbers: [UUID: Int32] = [:]
    private var organizations: [Organization] = []
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

    private func kindNumber(_ kind: String) -> UInt16 {
        if let number = kindNumbers[kind] { return number }
        kinds.append(kind)
        kindNumbers[kind] = UInt16(kinds.count - 1)
        return UInt16(kinds.count - 1)
    }

    private func personNumber(_ id: UUID) -> Int32 {
        if let number = personNumbers[id] { return number }
        let number = Int32(people.count)
        people.append(Person(community: nil, restricted: true, live: false, posts: []))
        personNumbers[id] = number
        return number
    }

    private func organizationNumber(_ id: UUID) -> Int32 {
        if let number = organizationNumbers[id] { return number }
        let number = Int32(organizations.count)
        organizations.append(Organization(level: nil, live: false))
        organizationNumbers[id] = number
        return number
    }

    private func loadOrganizations(_ sql: any SQLDatabase, only ids: [UUID]?) async throws {
        let filter: SQLQueryString = ids.map { "WHERE id IN (\(binds: $0))" } ?? ""
        for row in try await sql.raw("SELECT id, level, deleted_at FROM organizations \(filter)").all() {
            let number = organizationNumber(try row.decode(column: "id", as: UUID.self))
            organizations[Int(number)] = Organization(level: try row.decode(column: "level", as: String?.self),
                                                      live: try row.decode(column: "deleted_at", as: Date?.self) == nil)
        }
    }

    private func loadPeople(_ sql: any SQLDatabase, only ids: [UUID]?) async throws {
        let filter: SQLQueryString = ids.map { "WHERE id IN (\(binds: $0))" } ?? ""
        let rows = try await Self.stream(sql, "SELECT id, community_id, sensitivity, deleted_at FROM people \(filter)") { row in
            (try row.decode(column: "id", as: UUID.self), try row.decode(column: "community_id", as: UUID?.self),
             try row.decode(column: "sensitivity", as: String.self) == Sensitivity.restricted.rawValue,
             try row.decode(column: "deleted_at", as: Date?.self) == nil)
        }
        for (id, community, restricted, live) in rows {
            let number = Int(personNumber(id))
            people[number].community = community
            people[number].restricted = restricted
            people[number].live = live
        }
        let postFilter: SQLQueryString = ids.map { "AND person_id IN (\(binds: $0))" } ?? ""
        if let ids { for id in ids { people[Int(personNumber(id))].posts = [] } }
        let posts = try await Self.stream(sql, "SELECT person_id, organization_id, starts_on, ends_on FROM positions WHERE deleted_at IS NULL \(postFilter)") { row in
            (try row.decode(column: "person_id", as: UUID.self), try row.decode(column: "organization_id", as: UUID.self),
             Self.number(try row.decode(column: "starts_on", as: String?.self)), Self.number(try row.decode(column: "ends_on", as: String?.self)))
        }
        for (person, organization, from, to) in posts {
            people[Int(personNumber(person))].posts.append((from, to, organizationNumber(organization)))
        }
    }

    private func loadEngagements(_ sql: any SQLDatabase, only ids: [UUID]?) async throws {
        let filter: SQLQueryString = ids.map { "AND id IN (\(binds: $0))" } ?? ""
        if let ids { for id in ids { engagements[id] = nil } }
        let rows = try await Self.stream(sql, "SELECT id, kind, local_start, confidentiality, place_id FROM engagements WHERE deleted_at IS NULL \(filter)") { row in
            (try row.decode(column: "id", as: UUID.self), try row.decode(column: "kind", as: String.self),
             Self.number(String(try row.decode(column: "local_start", as: String.self).prefix(10))),
             try row.decode(column: "confidentiality", as: String.self) == Confidentiality.restricted.rawValue,
             try row.decode(column: "place_id", as: UUID?.self))
        }
        engagements.reserveCapacity(engagements.count + rows.count)
        for (id, kind, day, restricted, place) in rows {
            guard let day else { continue }
            engagements[id] = Engagement(day: day, kind: kindNumber(kind), restricted: restricted, place: place, people: [], organizations: [])
        }
        let linkFilter: SQLQueryString = ids.map { "WHERE engagement_id IN (\(binds: $0))" } ?? ""
        let participations = try await Self.stream(sql, "SELECT engagement_id, person_id FROM participations \(linkFilter)") { row in
            (try row.decode(column: "engagement_id", as: UUID.self), try row.decode(column: "person_id", as: UUID.self))
        }
        for (engagement, person) in participations where engagements[engagement] != nil {
            engagements[engagement]!.people.append(personNumber(person))
        }
        let links = try await Self.stream(sql, "SELECT engagement_id, organization_id FROM engagement_organizations \(linkFilter)") { row in
            (try row.decode(column: "engagement_id", as: UUID.self), try row.decode(column: "organization_id", as: UUID.self))
        }
        for (engagement, organization) in links where engagements[engagement] != nil {
            engagements[engagement]!.organizations.append(organizationNumber(organization))
        }
    }

    /// Rows decoded as they arrive: a whole table's `SQLRow`s at once (750,000 participations) took
    /// hundreds of megabytes that the process kept afterwards.
    static func stream<Item: Sendable>(_ sql: any SQLDatabase, _ query: SQLQueryString,
                                       _ decode: @escaping @Sendable (any SQLRow) throws -> Item) async throws -> [Item] {
        let sink = RowSink<Item>()
        try await sql.raw(query).run { row in sink.append(Result { try decode(row) }) }
        return try sink.items()
    }

    /// "2023-08-07" → 20230807.
    static func number(_ day: String?) -> Int32? {
        guard let day, let parsed = Day(day) else { return nil }
        return Int32(parsed.year * 10_000 + parsed.month * 100 + parsed.day)
    }

    static func number(_ day: Day) -> Int32 { Int32(day.year * 10_000 + day.month * 100 + day.day) }

    /// The reach of one period, for a reader who may or may not see restricted records.
    struct Reach {
        var engagements = 0
        var byKind: [String: Int] = [:]
        var byMonth: [String: Int] = [:]
        var byPlace: [UUID?: Int] = [:]
        var namedByCommunity: [UUID?: Int] = [:]
        var namedPeople = 0
        var peopleByLevel: [String: Int] = [:]
        var organizationsByLevel: [String: Int] = [:]
        /// The engagements counted, for the figures still read in SQL (head-counts, follow-ups).
        var ids: [UUID] = []
    }

    func reach(_ period: ReportPeriod, places: Set<UUID>?, seesRestricted: Bool) -> Reach {
        let low = Self.number(period.from), high = Self.number(period.to)
        var reach = Reach()
        var named = [Bool](repeating: false, count: people.count)
        var placed = [Bool](repeating: false, count: people.count)
        var byLevel: [String: [Bool]] = [:]
        var reached = [Bool](repeating: false, count: organizations.count)
        var months: [Int32: Int] = [:]
        for (id, engagement) in engagements where engagement.day >= low && engagement.day <= high {
            if engagement.restricted && !seesRestricted { continue }
            if let places, !(engagement.place.map(places.contains) ?? false) { continue }
            reach.engagements += 1
            reach.ids.append(id)
            reach.byKind[kinds[Int(engagement.kind)], default: 0] += 1
            months[engagement.day / 100, default: 0] += 1
            reach.byPlace[engagement.place, default: 0] += 1
            for organization in engagement.organizations where organizations[Int(organization)].live { reached[Int(organization)] = true }
            for number in engagement.people {
                let person = people[Int(number)]
                guard person.live, seesRestricted || !person.restricted else { continue }
                named[Int(number)] = true
                for post in person.posts where (post.from ?? 0) <= engagement.day && (post.to ?? Int32.max) >= engagement.day {
                    let organization = organizations[Int(post.organization)]
                    guard organization.live else { continue }
                    reached[Int(post.organization)] = true
                    placed[Int(number)] = true
                    byLevel[organization.level ?? "", default: [Bool](repeating: false, count: people.count)][Int(number)] = true
                }
            }
        }
        // Formatting is slow next to counting: once per month, not once per engagement.
        for (month, n) in months { reach.byMonth[String(format: "%04d-%02d", month / 100, month % 100)] = n }
        for (number, isNamed) in named.enumerated() where isNamed {
            reach.namedPeople += 1
            reach.namedByCommunity[people[number].community, default: 0] += 1
            if !placed[number] { reach.peopleByLevel["", default: 0] += 1 }
        }
        for (level, marks) in byLevel { reach.peopleByLevel[level, default: 0] += marks.lazy.filter { $0 }.count }
        for (number, isReached) in reached.enumerated() where isReached {
            reach.organizationsByLevel[organizations[number].level ?? "", default: 0] += 1
        }
        return reach
    }

    /// Refreshes, then counts.
    func reach(_ period: ReportPeriod, places: Set<UUID>?, seesRestricted: Bool, database: any Database) async throws -> Reach {
        try await refresh(database)
        return reach(period, places: places, seesRestricted: seesRestricted)
    }
}

/// Collects rows decoded on the database's thread, for the actor to apply afterwards.
final class RowSink<Item: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Result<Item, any Error>] = []

    func append(_ item: Result<Item, any Error>) {
        lock.lock()
        collected.append(item)
        lock.unlock()
    }

    func items() throws -> [Item] {
        lock.lock()
        defer { lock.unlock() }
        return try collected.map { try $0.get() }
    }
}
