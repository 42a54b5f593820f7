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

/// The batched reads behind the network. Each reads only the columns the network uses, as rows: Fluent
/// decodes a model by asking the row for each of its properties, a person's JSON lists included, and that was
/// half of the page's time for a few hundred engagements and their participants (`perf`, PostgreSQL). A list of
/// identities is one array on PostgreSQL (`SQLAnyOf`), whatever its length.
struct NetworkReader {
    let database: any Database
    let seesRestricted: Bool
    /// An organisation that hosted thousands of engagements is linked through its latest ones.
    let engagementsPerStep = 300

    var sql: any SQLDatabase { database.sql }

    func ties(of frontier: (people: Set<UUID>, organizations: Set<UUID>)) async throws -> Set<NetworkTie> {
        var ties = Set<NetworkTie>()
        let people = Array(frontier.people), organizations = Array(frontier.organizations)

        let positions = try await sql.select().columns("id", "person_id", "organization_id", "title").from(PositionModel.schema)
            .where(SQLColumn("deleted_at"), .is, SQLLiteral.null)
            .where(either("person_id", people, or: "organization_id", organizations)).all()
        for row in positions {
            ties.insert(NetworkTie(a: try row.decode(column: "person_id", as: UUID.self), b: try row.decode(column: "organization_id", as: UUID.self),
                                   kind: .position(try row.decode(column: "title", as: String.self)), through: try row.decode(column: "id", as: UUID.self)))
        }

        var engagementIDs = Set<UUID>()
        if !people.isEmpty { engagementIDs.formUnion(try await pairs(ParticipationModel.schema, "engagement_id", "person_id", where: "person_id", people).map(\.0)) }
        if !organizations.isEmpty {
            engagementIDs.formUnion(try await pairs(EngagementOrganizationModel.schema, "engagement_id", "organization_id", where: "organization_id",
                                                    organizations).map(\.0))
        }
        if !engagementIDs.isEmpty {
            let latest = try await visible(EngagementModel.schema, Array(engagementIDs)) { $0.orderBy("starts_at", .descending).limit(engagementsPerStep) }
            if !latest.isEmpty {
                var members: [UUID: Set<UUID>] = [:]
                for (engagement, person) in try await pairs(ParticipationModel.schema, "engagement_id", "person_id", where: "engagement_id", latest) {
                    members[engagement, default: []].insert(person)
                }
                for (engagement, organization) in try await pairs(EngagementOrganizationModel.schema, "engagement_id", "organization_id",
                                                                  where: "engagement_id", latest) {
                    members[engagement, default: []].insert(organization)
                }
                for (engagement, involved) in members { ties.formUnion(pairs(involved, frontier: frontier, kind: .engagement, through: engagement)) }
            }
        }

        let agreementIDs = Set(try await sql.select().column("agreement_id").from(AgreementPartyModel.schema)
            .where(either("person_id", people, or: "organization_id", organizations)).all()
            .map { try $0.decode(column: "agreement_id", as: UUID.self) })
        if !agreementIDs.isEmpty {
            let agreements = try await visible(AgreementModel.schema, Array(agreementIDs))
            var involved: [UUID: Set<UUID>] = [:]
            if !agreements.isEmpty {
                let rows = try await sql.select().columns("agreement_id", "person_id", "organization_id").from(AgreementPartyModel.schema)
                    .where(SQLAnyOf(SQLColumn("agreement_id"), agreements)).all()
                for row in rows {
                    let party = try row.decode(column: "person_id", as: UUID?.self) ?? row.decode(column: "organization_id", as: UUID?.self)
                    if let party { involved[try row.decode(column: "agreement_id", as: UUID.self), default: []].insert(party) }
                }
            }
            for (agreement, parties) in involved { ties.formUnion(pairs(parties, frontier: frontier, kind: .agreement, through: agreement)) }
        }

        if !people.isEmpty {
            let groupIDs = Set(try await pairs(WorkingGroupMemberModel.schema, "group_id", "person_id", where: "person_id", people).map(\.0))
            if !groupIDs.isEmpty {
                let groups = try await visible(WorkingGroupModel.schema, Array(groupIDs))
                var members: [UUID: Set<UUID>] = [:]
                if !groups.isEmpty {
                    for (group, person) in try await pairs(WorkingGroupMemberModel.schema, "group_id", "person_id", where: "group_id", groups) {
                        members[group, default: []].insert(person)
                    }
                }
                for (group, involved) in members { ties.formUnion(pairs(involved, frontier: frontier, kind: .group, through: group)) }
            }
        }
        return ties
    }

    /// The two identities of each row of a link table whose `column` is one of `ids`.
    func pairs(_ table: String, _ first: String, _ second: String, where column: String, _ ids: [UUID]) async throws -> [(UUID, UUID)] {
        try await sql.select().columns(first, second).from(table).where(SQLAnyOf(SQLColumn(column), ids)).all().map { row in
            (try row.decode(column: first, as: UUID.self), try row.decode(column: second, as: UUID.self))
        }
    }

    /// Which of these engagements, agreements or groups are live and, unless the reader may see restricted ones,
    /// not restricted.
    func visible(_ table: String, _ ids: [UUID], _ refine: (SQLSelectBuilder) -> SQLSelectBuilder = { $0 }) async throws -> [UUID] {
        let select = sql.select().column("id").from(table).where(SQLAnyOf(SQLColumn("id"), ids)).where(VisibleConfidentialRow(seesRestricted: seesRestricted))
        return try await refine(select).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// `first` is one of `firstIDs`, or `second` one of `secondIDs` (an empty list matches nothing).
    func either(_ first: String, _ firstIDs: [UUID], or second: String, _ secondIDs: [UUID]) -> any SQLExpression {
        let parts = [(first, firstIDs), (second, secondIDs)].filter { !$0.1.isEmpty }.map { SQLAnyOf(SQLColumn($0.0), $0.1) as any SQLExpression }
        return parts.isEmpty ? SQLLiteral.boolean(false) : SQLGroupExpression(SQLList(parts, separator: SQLRaw(" OR ")))
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
        var people = sql.select().columns("id", "name").from(PersonModel.schema).where(SQLAnyOf(SQLColumn("id"), Array(ids)))
            .where(SQLColumn("deleted_at"), .is, SQLLiteral.null)
        if !seesRestricted { people = people.where(SQLColumn("sensitivity"), .equal, SQLBind(Sensitivity.normal.rawValue)) }
        for row in try await people.all() { result[try row.decode(column: "id", as: UUID.self)] = (try row.decode(column: "name", as: String.self), true) }
        let organizations = try await sql.select().columns("id", "name").from(OrganizationModel.schema).where(SQLAnyOf(SQLColumn("id"), Array(ids)))
            .where(SQLColumn("deleted_at"), .is, SQLLiteral.null).all()
        for row in organizations { result[try row.decode(column: "id", as: UUID.self)] = (try row.decode(column: "name", as: String.self), false) }
        return result
    }
}
