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

/// One link found between two records, and what it runs through. Engagement and agreement ties are
/// counted once per engagement or agreement.
struct NetworkTie: Hashable {
    enum Kind: Hashable { case engagement, position(String), agreement, group }
    let a: UUID, b: UUID, kind: Kind, through: UUID

    var weight: Int { if case .engagement = kind { return 1 } else { return 2 } }
}

/// The batched reads behind the network.
struct NetworkReader {
    let database: any Database
    let seesRestricted: Bool
    /// An organisation that hosted thousands of engagements is linked through its latest ones.
    let engagementsPerStep = 300

    func ties(of frontier: (people: Set<UUID>, organizations: Set<UUID>)) async throws -> Set<NetworkTie> {
        var ties = Set<NetworkTie>()
        let people = Array(frontier.people), organizations = Array(frontier.organizations)

        var positions = PositionModel.query(on: database).filter(\.$deletedAt == .null)
        positions = positions.group(.or) { group in
            if !people.isEmpty { group.filter(\.$person.$id ~~ people) }
            if !organizations.isEmpty { group.filter(\.$organization.$id ~~ organizations) }
        }
        for position in try await positions.all() {
            ties.insert(NetworkTie(a: position.$person.id, b: position.$organization.id, kind: .position(position.title), through: position.id!))
        }

        var engagementIDs = Set<UUID>()
        if !people.isEmpty {
            engagementIDs.formUnion(try await ParticipationModel.query(on: database).filter(\.$personID ~~ people).all().map(\.engagementID))
        }
        if !organizations.isEmpty {
            engagementIDs.formUnion(try await EngagementOrganizationModel.query(on: database).filter(\.$organizationID ~~ organizations).all().map(\.engagementID))
        }
        if !engagementIDs.isEmpty {
            var visible = EngagementModel.query(on: database).filter(\.$id ~~ Array(engagementIDs)).filter(\.$deletedAt == .null)
            if !seesRestricted { visible = visible.filter(\.$confidentiality != Confidentiality.restricted) }
            let engagements = try await visible.sort(\.$startsAt, .descending).limit(engagementsPerStep).all().compactMap(\.id)
            if !engagements.isEmpty {
                var members: [UUID: Set<UUID>] = [:]
                for part in try await ParticipationModel.query(on: database).filter(\.$engagementID ~~ engagements).all() { members[part.engagementID, default: []].insert(part.personID) }
                for link in try await EngagementOrganizationModel.query(on: database).filter(\.$engagementID ~~ engagements).all() { members[link.engagementID, default: []].insert(link.organizationID) }
                for (engagement, involved) in members { ties.formUnion(pairs(involved, frontier: frontier, kind: .engagement, through: engagement)) }
            }
        }

        var partyQuery = AgreementPartyModel.query(on: database)
        partyQuery = partyQuery.group(.or) { group in
            if !people.isEmpty { group.filter(\.$personID ~~ people) }
            if !organizations.isEmpty { group.filter(\.$organizationID ~~ organizations) }
        }
        let agreementIDs = Set(try await partyQuery.all().map(\.agreementID))
        if !agreementIDs.isEmpty {
            var visible = AgreementModel.query(on: database).filter(\.$id ~~ Array(agreementIDs)).filter(\.$deletedAt == .null)
            if !seesRestricted { visible = visible.filter(\.$confidentiality != Confidentiality.restricted) }
            let agreements = try await visible.all().compactMap(\.id)
            var parties: [UUID: Set<UUID>] = [:]
            if !agreements.isEmpty {
                for party in try await AgreementPartyModel.query(on: database).filter(\.$agreementID ~~ agreements).all() {
                    if let id = party.personID ?? party.organizationID { parties[party.agreementID, default: []].insert(id) }
                }
            }
            for (agreement, involved) in parties { ties.formUnion(pairs(involved, frontier: frontier, kind: .agreement, through: agreement)) }
        }

        if !people.isEmpty {
            let groupIDs = Set(try await WorkingGroupMemberModel.query(on: database).filter(\.$personID ~~ people).all().map(\.groupID))
            if !groupIDs.isEmpty {
                var visible = WorkingGroupModel.query(on: database).filter(\.$id ~~ Array(groupIDs)).filter(\.$deletedAt == .null)
                if !seesRestricted { visible = visible.filter(\.$confidentiality != Confidentiality.restricted) }
                let groups = try await visible.all().compactMap(\.id)
                var members: [UUID: Set<UUID>] = [:]
                if !groups.isEmpty {
                    for member in try await WorkingGroupMemberModel.query(on: database).filter(\.$groupID ~~ groups).all() { members[member.groupID, default: []].insert(member.personID) }
                }
                for (group, involved) in members { ties.formUnion(pairs(involved, frontier: frontier, kind: .group, through: group)) }
            }
        }
        return ties
    }

    /// Ties from each frontier record among those involved to every other one involved.
    func pairs(_ involved: Set<UUID>, frontier: (people: Set<UUID>, organizations: Set<UUID>), kind: NetworkTie.Kind, through: UUID) -> [NetworkTie] {
        let sources = involved.filter { frontier.people.contains($0) || frontier.organizations.contains($0) }
        return sources.flatMap { source in involved.filter { $0 != source }.map { NetworkTie(a: source, b: $0, kind: kind, through: through) } }
    }

    /// Names of the people and organisations the reader may see (others are left out of the network).
    func names(_ ids: Set<UUID>) async throws -> [UUID: (String, Bool)] {
        guard !ids.isEmpty else { return [:] }
        var result: [UUID: (String, Bool)] = [:]
        var people = PersonModel.query(on: database).filter(\.$id ~~ Array(ids)).filter(\.$deletedAt == .null)
        if !seesRestricted { people = people.filter(\.$sensitivity == Sensitivity.normal) }
        for person in try await people.all() { result[person.id!] = (person.name, true) }
        for organization in try await OrganizationModel.query(on: database).filter(\.$id ~~ Array(ids)).filter(\.$deletedAt == .null).all() {
            result[organization.id!] = (organization.name, false)
        }
        return result
    }
}
