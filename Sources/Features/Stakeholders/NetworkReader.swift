import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

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
