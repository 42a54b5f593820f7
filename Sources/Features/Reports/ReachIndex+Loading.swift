import Domain
import Foundation
import SQLKit

/// Reading the index's rows: organisations, people with their posts, engagements with who took part.
extension ReachIndex {
    func kindNumber(_ kind: String) -> UInt16 { UInt16(kinds.number(kind)) }
    func placeNumber(_ id: UUID?) -> Int32 { id.map { placeIDs.number($0) } ?? -1 }
    func communityNumber(_ id: UUID?) -> Int32 { id.map { communityIDs.number($0) } ?? -1 }
    /// A level the registry does not know (it only writes `GovernanceLevel`'s) counts as none, as the report
    /// shows them: this keeps a person's level marks within one byte (`ReachTally.levelMark`).
    func levelNumber(_ level: String?) -> Int32 { levels.number(level.flatMap(GovernanceLevel.init(rawValue:))?.rawValue ?? "") }

    func personNumber(_ id: UUID) -> Int32 {
        if let number = personNumbers[id] { return number }
        let number = Int32(people.count)
        people.appendUnknown()
        personNumbers[id] = number
        return number
    }

    func organizationNumber(_ id: UUID) -> Int32 {
        if let number = organizationNumbers[id] { return number }
        let number = Int32(organizationLevel.count)
        organizationLevel.append(levelNumber(nil))
        organizationLive.append(false)
        organizationNumbers[id] = number
        return number
    }

    func loadOrganizations(_ sql: any SQLDatabase, only ids: [UUID]?) async throws {
        let filter: SQLQueryString = ids.map { "WHERE id IN (\(binds: $0))" } ?? ""
        for row in try await sql.raw("SELECT id, level, deleted_at FROM organizations \(filter)").all() {
            let number = Int(organizationNumber(try row.decode(column: "id", as: UUID.self)))
            organizationLevel[number] = levelNumber(try row.decode(column: "level", as: String?.self))
            organizationLive[number] = try row.decode(column: "deleted_at", as: Date?.self) == nil
        }
    }

    func loadPeople(_ sql: any SQLDatabase, only ids: [UUID]?) async throws {
        let filter: SQLQueryString = ids.map { "WHERE id IN (\(binds: $0))" } ?? ""
        let rows = try await sql.stream("SELECT id, community_id, gender, sensitivity, deleted_at FROM people \(filter)") { row in
            (try row.uuid("id"), try row.uuidOrNil("community_id"),
             HeadCountGender(try row.textOrNil("gender").flatMap(Gender.init(rawValue:))),
             try row.text("sensitivity") == Sensitivity.restricted.rawValue,
             try row.isNull("deleted_at"))
        }
        for (id, community, gender, restricted, live) in rows {
            let number = Int(personNumber(id))
            people.community[number] = communityNumber(community)
            people.gender[number] = PersonTable.genderNumber(gender)
            people.rows[number].restricted = restricted
            people.rows[number].live = live
        }
        let postFilter: SQLQueryString = ids.map { "AND person_id IN (\(binds: $0))" } ?? ""
        let posts = try await sql.stream("SELECT person_id, organization_id, starts_on, ends_on FROM positions WHERE deleted_at IS NULL \(postFilter)") { row in
            (try row.uuid("person_id"), try row.uuid("organization_id"),
             Self.number(try row.textOrNil("starts_on")) ?? 0,
             Self.number(try row.textOrNil("ends_on")) ?? Int32.max)
        }
        if let ids { for id in ids { people.clearPosts(of: Int(personNumber(id))) } }
        // Each person's posts in one run: sorted by person number.
        var numbered = posts.map { (person: personNumber($0.0), post: PersonTable.Post(from: $0.2, to: $0.3, organization: organizationNumber($0.1))) }
        numbered.sort { $0.person < $1.person }
        var start = 0
        while start < numbered.count {
            var end = start + 1
            while end < numbered.count && numbered[end].person == numbered[start].person { end += 1 }
            people.setPosts(of: Int(numbered[start].person), numbered[start ..< end].lazy.map(\.post))
            start = end
        }
        people.compactPostsIfWasteful(after: mergeAfter)
    }

    /// All engagements (`ids` nil), or the current versions of the ones changed: those replace the slots
    /// they had (marked dead) and go to `recent`, which is merged into `sorted` once it has grown.
    func loadEngagements(_ sql: any SQLDatabase, only ids: [UUID]?) async throws {
        var changedDays: [Int32] = []
        if let ids {
            for id in ids {
                switch slots.removeValue(forKey: id) {
                case .sorted(let slot)?: sorted.kill(Int(slot)); changedDays.append(sorted.days[Int(slot)])
                case .recent(let slot)?: recent.kill(Int(slot)); changedDays.append(recent.days[Int(slot)])
                case nil: break
                }
            }
        }
        let table = try await readEngagements(sql, only: ids)
        // The months an engagement left and the ones it is in now are counted again at the next report.
        if ids != nil { tallies.forget(days: changedDays + table.days) }
        if ids == nil {
            sorted = table
            recent = EngagementTable()
        } else {
            recent.append(table, slots: 0 ..< table.count)
        }
        let merge = recent.count > max(mergeAfter, sorted.count / 32) || sorted.dead > max(mergeAfter, sorted.count / 8)
        if merge {
            sorted = EngagementTable.sorted(sorted, recent)
            recent = EngagementTable()
        }
        if ids == nil || merge {
            slots = [:]
            slots.reserveCapacity(sorted.count)
            for slot in 0 ..< sorted.count { slots[sorted.ids[slot]] = .sorted(Int32(slot)) }
        } else {
            for slot in recent.count - table.count ..< recent.count { slots[recent.ids[slot]] = .recent(Int32(slot)) }
        }
    }

    /// The live engagements asked for, with their participants and organisations, as a table sorted by day.
    private func readEngagements(_ sql: any SQLDatabase, only ids: [UUID]?) async throws -> EngagementTable {
        let filter: SQLQueryString = ids.map { "AND id IN (\(binds: $0))" } ?? ""
        // All of them: a scan of the table. SQLite would otherwise walk the (deleted_at, starts_at) index and
        // look each row up, which took seconds longer at 300,000.
        let table: SQLQueryString = ids == nil && sql.dialect.name == "sqlite" ? "engagements NOT INDEXED" : "engagements"
        let rows = try await sql.stream("SELECT id, kind, local_start, confidentiality, place_id FROM \(table) WHERE deleted_at IS NULL \(filter)") { row in
            (id: try row.uuid("id"), kind: try row.text("kind"),
             day: Day.ofLocalTime(try row.text("local_start")).map(Self.number),
             restricted: try row.text("confidentiality") == Confidentiality.restricted.rawValue,
             place: try row.uuidOrNil("place_id"))
        }
        // Rows in day order; an engagement's position is its slot in the table built.
        var order = rows.indices.filter { rows[$0].day != nil }
        order.sort { rows[$0].day! < rows[$1].day! }
        var position: [UUID: Int32] = [:]
        position.reserveCapacity(order.count)
        for (slot, row) in order.enumerated() { position[rows[row].id] = Int32(slot) }

        let linkFilter: SQLQueryString = ids.map { "WHERE engagement_id IN (\(binds: $0))" } ?? ""
        let participations = try await sql.stream("SELECT engagement_id, person_id FROM participations \(linkFilter)") { row in
            (try row.uuid("engagement_id"), try row.uuid("person_id"))
        }
        let participants = Self.grouped(participations.compactMap { link in position[link.0].map { ($0, personNumber(link.1)) } }, slots: order.count)
        let links = try await sql.stream("SELECT engagement_id, organization_id FROM engagement_organizations \(linkFilter)") { row in
            (try row.uuid("engagement_id"), try row.uuid("organization_id"))
        }
        let linked = Self.grouped(links.compactMap { link in position[link.0].map { ($0, organizationNumber(link.1)) } }, slots: order.count)

        var result = EngagementTable()
        result.ids = order.map { rows[$0].id }
        result.days = order.map { rows[$0].day! }
        result.kinds = order.map { kindNumber(rows[$0].kind) }
        result.places = order.map { placeNumber(rows[$0].place) }
        result.restricted = order.map { rows[$0].restricted }
        result.live = [Bool](repeating: true, count: order.count)
        (result.peopleStart, result.people) = participants
        (result.organizationStart, result.organizations) = linked
        return result
    }

    /// (slot, number) pairs as offsets and one buffer: slot s's numbers are `buffer[start[s] ..< start[s + 1]]`
    /// (a counting sort: two passes, no allocation per slot).
    static func grouped(_ pairs: [(Int32, Int32)], slots: Int) -> (start: [Int32], buffer: [Int32]) {
        var start = [Int32](repeating: 0, count: slots + 1)
        for (slot, _) in pairs { start[Int(slot) + 1] += 1 }
        for slot in 0 ..< slots { start[slot + 1] += start[slot] }
        var next = start
        var buffer = [Int32](repeating: 0, count: pairs.count)
        for (slot, number) in pairs {
            buffer[Int(next[Int(slot)])] = number
            next[Int(slot)] += 1
        }
        return (start, buffer)
    }

    /// "2023-08-07" → 20230807.
    static func number(_ day: String?) -> Int32? {
        guard let day, let parsed = Day(day) else { return nil }
        return Int32(parsed.year * 10_000 + parsed.month * 100 + parsed.day)
    }

    static func number(_ day: Day) -> Int32 { Int32(day.year * 10_000 + day.month * 100 + day.day) }
}
