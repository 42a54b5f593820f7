import Domain
import Foundation
import SQLKit

/// Reading the index's rows: organisations, people with their posts, engagements with who took part.
extension ReachIndex {
    func kindNumber(_ kind: String) -> UInt16 {
        if let number = kindNumbers[kind] { return number }
        kinds.append(kind)
        kindNumbers[kind] = UInt16(kinds.count - 1)
        return UInt16(kinds.count - 1)
    }

    func personNumber(_ id: UUID) -> Int32 {
        if let number = personNumbers[id] { return number }
        let number = Int32(people.count)
        people.append(Person(community: nil, gender: .notRecorded, restricted: true, live: false, posts: []))
        personNumbers[id] = number
        return number
    }

    func organizationNumber(_ id: UUID) -> Int32 {
        if let number = organizationNumbers[id] { return number }
        let number = Int32(organizations.count)
        organizations.append(Organization(level: nil, live: false))
        organizationNumbers[id] = number
        return number
    }

    func loadOrganizations(_ sql: any SQLDatabase, only ids: [UUID]?) async throws {
        let filter: SQLQueryString = ids.map { "WHERE id IN (\(binds: $0))" } ?? ""
        for row in try await sql.raw("SELECT id, level, deleted_at FROM organizations \(filter)").all() {
            let number = organizationNumber(try row.decode(column: "id", as: UUID.self))
            organizations[Int(number)] = Organization(level: try row.decode(column: "level", as: String?.self),
                                                      live: try row.decode(column: "deleted_at", as: Date?.self) == nil)
        }
    }

    func loadPeople(_ sql: any SQLDatabase, only ids: [UUID]?) async throws {
        let filter: SQLQueryString = ids.map { "WHERE id IN (\(binds: $0))" } ?? ""
        let rows = try await sql.stream("SELECT id, community_id, gender, sensitivity, deleted_at FROM people \(filter)") { row in
            (try row.decode(column: "id", as: UUID.self), try row.decode(column: "community_id", as: UUID?.self),
             HeadCountGender((try row.decode(column: "gender", as: String?.self)).flatMap(Gender.init(rawValue:))),
             try row.decode(column: "sensitivity", as: String.self) == Sensitivity.restricted.rawValue,
             try row.decode(column: "deleted_at", as: Date?.self) == nil)
        }
        for (id, community, gender, restricted, live) in rows {
            let number = Int(personNumber(id))
            people[number].community = community
            people[number].gender = gender
            people[number].restricted = restricted
            people[number].live = live
        }
        let postFilter: SQLQueryString = ids.map { "AND person_id IN (\(binds: $0))" } ?? ""
        if let ids { for id in ids { people[Int(personNumber(id))].posts = [] } }
        let posts = try await sql.stream("SELECT person_id, organization_id, starts_on, ends_on FROM positions WHERE deleted_at IS NULL \(postFilter)") { row in
            (try row.decode(column: "person_id", as: UUID.self), try row.decode(column: "organization_id", as: UUID.self),
             Self.number(try row.decode(column: "starts_on", as: String?.self)), Self.number(try row.decode(column: "ends_on", as: String?.self)))
        }
        for (person, organization, from, to) in posts {
            people[Int(personNumber(person))].posts.append((from, to, organizationNumber(organization)))
        }
    }

    func loadEngagements(_ sql: any SQLDatabase, only ids: [UUID]?) async throws {
        let filter: SQLQueryString = ids.map { "AND id IN (\(binds: $0))" } ?? ""
        if let ids { for id in ids { engagements[id] = nil } }
        let rows = try await sql.stream("SELECT id, kind, local_start, confidentiality, place_id FROM engagements WHERE deleted_at IS NULL \(filter)") { row in
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
        let participations = try await sql.stream("SELECT engagement_id, person_id FROM participations \(linkFilter)") { row in
            (try row.decode(column: "engagement_id", as: UUID.self), try row.decode(column: "person_id", as: UUID.self))
        }
        for (engagement, person) in participations where engagements[engagement] != nil {
            engagements[engagement]!.people.append(personNumber(person))
        }
        let links = try await sql.stream("SELECT engagement_id, organization_id FROM engagement_organizations \(linkFilter)") { row in
            (try row.decode(column: "engagement_id", as: UUID.self), try row.decode(column: "organization_id", as: UUID.self))
        }
        for (engagement, organization) in links where engagements[engagement] != nil {
            engagements[engagement]!.organizations.append(organizationNumber(organization))
        }
    }

    /// "2023-08-07" → 20230807.
    static func number(_ day: String?) -> Int32? {
        guard let day, let parsed = Day(day) else { return nil }
        return Int32(parsed.year * 10_000 + parsed.month * 100 + parsed.day)
    }

    static func number(_ day: Day) -> Int32 { Int32(day.year * 10_000 + day.month * 100 + day.day) }
}
