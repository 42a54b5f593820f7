import Domain
import FluentKit
import Foundation
import Storage

/// The relationships around one person or organisation, one or two steps out: who they met (engagements
/// together, or hosted by an organisation), where they hold posts, who signed agreements with them, who sits
/// with them in working groups. Each step reads in batches (a handful of queries however many neighbours).
/// Only what the reader may see is followed: restricted engagements, agreements, groups and people are not
/// links for a role that may not see them.
public struct RelationshipNetwork: Sendable, Equatable {
    public struct Node: Sendable, Equatable, Codable {
        public var id: UUID
        public var name: String
        public var isPerson: Bool
        /// 0 for the centre, 1 or 2.
        public var step: Int
    }

    public struct Edge: Sendable, Equatable, Codable {
        public var from: UUID
        public var to: UUID
        public var engagements: Int
        public var positions: [String]
        public var agreements: Int
        public var groups: Int

        public var weight: Int { engagements + positions.count * 2 + agreements * 2 + groups * 2 }
    }

    public var nodes: [Node]
    public var edges: [Edge]

    /// At most this many people and organisations at each step, the strongest ties first.
    public static let perStep = 24

    public static func around(person: UUID? = nil, organization: UUID? = nil, steps: Int = 2, database: any Database, by actor: Actor) async throws -> RelationshipNetwork {
        let centreName: String
        let centre: UUID
        let centreIsPerson = person != nil
        if let person {
            centreName = try await People(database: database).find(person, by: actor, includeDeleted: false).name
            centre = person
        } else if let organization {
            centreName = try await Organizations(database: database).find(organization, by: actor, includeDeleted: false).name
            centre = organization
        } else { throw DomainError.notFound("network") }

        let reader = NetworkReader(database: database, seesRestricted: actor.can(.readRestricted))
        var nodes: [UUID: Node] = [centre: Node(id: centre, name: centreName, isPerson: centreIsPerson, step: 0)]
        var edges: [EdgeKey: Edge] = [:]
        // A tie is counted once, whichever end it was found from and at whichever step.
        var counted = Set<String>()
        var frontier: (people: Set<UUID>, organizations: Set<UUID>) = centreIsPerson ? ([centre], []) : ([], [centre])
        for step in 1...max(1, min(steps, 2)) {
            let found = try await reader.ties(of: frontier)
            // Strongest new neighbours of this step, by the weight of their ties to the nodes already drawn.
            var strength: [UUID: Int] = [:]
            for tie in found where nodes[tie.a] != nil || nodes[tie.b] != nil {
                if nodes[tie.a] == nil { strength[tie.a, default: 0] += tie.weight }
                if nodes[tie.b] == nil { strength[tie.b, default: 0] += tie.weight }
            }
            let names = try await reader.names(Set(strength.keys))
            let chosen = strength.filter { names[$0.key] != nil }
                .sorted { ($0.value, $0.key.uuidString) > ($1.value, $1.key.uuidString) }.prefix(perStep).map(\.key)
            var next: (people: Set<UUID>, organizations: Set<UUID>) = ([], [])
            for id in chosen {
                guard let (name, isPerson) = names[id] else { continue }
                nodes[id] = Node(id: id, name: name, isPerson: isPerson, step: step)
                if isPerson { next.people.insert(id) } else { next.organizations.insert(id) }
            }
            for tie in found where nodes[tie.a] != nil && nodes[tie.b] != nil && tie.a != tie.b {
                let key = EdgeKey(tie.a, tie.b)
                guard counted.insert("\(key.low)\(key.high)\(tie.through)").inserted else { continue }
                var edge = edges[key] ?? Edge(from: key.low, to: key.high, engagements: 0, positions: [], agreements: 0, groups: 0)
                switch tie.kind {
                case .engagement: edge.engagements += 1
                case .position(let title): if !edge.positions.contains(title) { edge.positions.append(title) }
                case .agreement: edge.agreements += 1
                case .group: edge.groups += 1
                }
                edges[key] = edge
            }
            frontier = next
            if frontier.people.isEmpty && frontier.organizations.isEmpty { break }
        }
        return RelationshipNetwork(nodes: nodes.values.sorted { ($0.step, $0.name) < ($1.step, $1.name) },
                                   edges: edges.values.sorted { ($0.from.uuidString, $0.to.uuidString) < ($1.from.uuidString, $1.to.uuidString) })
    }

    struct EdgeKey: Hashable {
        let low: UUID, high: UUID
        init(_ a: UUID, _ b: UUID) { (low, high) = a.uuidString < b.uuidString ? (a, b) : (b, a) }
    }
}
