import Domain
import FluentKit
import Foundation

/// Counting a period from the index: engagements, people and organisations reached.
extension ReachIndex {
    /// The reach of one period, for a reader who may or may not see restricted records.
    struct Reach {
        var engagements = 0
        var byKind: [String: Int] = [:]
        var byMonth: [String: Int] = [:]
        var byPlace: [UUID?: Int] = [:]
        var namedByCommunity: [UUID?: Int] = [:]
        /// `HeadCountGender` raw value → named people.
        var namedByGender: [String: Int] = [:]
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
            reach.namedByGender[people[number].gender.rawValue, default: 0] += 1
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
