import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

extension Engagements: RecordKind {
    public typealias Model = EngagementModel

    public struct Valid {
        var checked: EngagementInput.Valid
        var input: EngagementInput
    }

    /// Restricted engagements are changed only by those who may write restricted records.
    public func requireWritable(_ model: EngagementModel, by actor: Actor) throws {
        if model.confidentiality == .restricted, !actor.can(.writeRestricted) {
            throw DomainError.invalid([FieldIssue(field: "confidentiality", "engagement.restrictedNotAllowed")])
        }
    }

    public func validate(_ input: EngagementInput, existing: EngagementModel?, by actor: Actor, on db: any Database) async throws -> Valid {
        let checked = try input.validated()
        var input = input
        let communities: [FieldIssue]
        (input.headCounts, communities) = try await HeadCountCommunities.resolve(input.headCounts, engagement: existing?.id, on: db)
        try await checkReferences(input, also: communities, by: actor, on: db)
        return Valid(checked: checked, input: input)
    }

    /// Returns whether the engagement is new: its first follow-ups are written with it (later ones change on their own).
    public func apply(_ valid: Valid, to model: EngagementModel, now: Date) -> Bool {
        let checked = valid.checked, input = valid.input
        model.kind = checked.kind
        model.title = checked.title
        model.localStart = checked.start.description
        // The name as given ("UTC" stays "UTC"; Foundation would call it "GMT").
        model.timeZone = input.timeZone.trimmingWhitespace()
        model.startsAt = checked.start.instant(in: checked.zone)
        model.durationMinutes = input.durationMinutes
        model.placeID = input.placeID
        model.venue = checked.venue
        model.visitID = input.visitID
        model.topicsJSON = JSONList.encode(checked.topics)
        model.summary = checked.summary
        model.outcomes = checked.outcomes
        model.decisions = checked.decisions
        model.aggregateOnly = input.aggregateOnly
        model.confidentiality = checked.confidentiality
        return !model.$id.exists
    }

    /// Hosts, partners, participants and head-counts; participants the actor may not see stay as they were.
    public func writeParts(_ valid: Valid, _ isNew: Bool, of model: EngagementModel, by actor: Actor, now: Date, on db: any Database) async throws {
        try await replaceParts(of: model.id!, valid.input, keepingHiddenFrom: actor, on: db)
        // Every participation carries the engagement's start, the kept ones of hidden people too.
        try await db.sql.update(ParticipationModel.schema).set("local_start", to: SQLBind(model.localStart))
            .where("engagement_id", .equal, SQLBind(model.id!)).run()
        guard isNew else { return }
        for followUp in valid.checked.followUps { try await FollowUps.insert(followUp, engagementID: model.id!, now: now, on: db) }
    }

    /// Every reference must be something the actor may see: a restricted person cannot be named by
    /// someone who may not see them.
    func checkReferences(_ input: EngagementInput, also issues: [FieldIssue] = [], by actor: Actor, on db: any Database) async throws {
        var v = Validator()
        for issue in issues { v.add(issue) }
        if !(try await EngagementKinds(database: db).exists(input.kind.trimmingWhitespace(), on: db)) { v.add("kind", "field.notAChoice") }
        if let id = input.visitID {
            let exists = try await FieldVisitModel.query(on: db).filter(\.$id == id).filter(\.$deletedAt == nil).count() > 0
            v.check(exists, "visitID", "reference.unknown")
        }
        if let id = input.placeID {
            let exists = try await PlaceModel.query(on: db).filter(\.$id == id).filter(\.$deletedAt == nil).count() > 0
            v.check(exists, "placeID", "reference.unknown")
        }
        let organizations = Set(input.hostIDs + input.partnerIDs)
        if !organizations.isEmpty {
            let found = try await OrganizationModel.query(on: db).filter(\.$id ~~ Array(organizations)).filter(\.$deletedAt == nil).count()
            v.check(found == organizations.count, input.hostIDs.isEmpty ? "partnerIDs" : "hostIDs", "reference.unknown")
        }
        let people = Set(input.participants.map(\.personID))
        if !people.isEmpty {
            var query = PersonModel.query(on: db).filter(\.$id ~~ Array(people)).filter(\.$deletedAt == nil)
            if !actor.canSee(.restricted) { query = query.filter(\.$sensitivity == Sensitivity.normal) }
            v.check(try await query.count() == people.count, "participants", "reference.unknown")
        }
        let owners = Set(input.followUps.compactMap(\.ownerID))
        if !owners.isEmpty {
            v.check(try await UserModel.query(on: db).filter(\.$id ~~ Array(owners)).count() == owners.count, "followUps", "reference.unknown")
        }
        try v.throwIfInvalid()
    }

    /// Hosts, partners, participants and head-counts are replaced as a whole, except participants the
    /// actor may not see, who stay.
    func replaceParts(of id: UUID, _ input: EngagementInput, keepingHiddenFrom actor: Actor, on db: any Database) async throws {
        let sql = db.sql
        try await sql.delete(from: EngagementOrganizationModel.schema).where("engagement_id", .equal, SQLBind(id)).run()
        // Each organisation once, as every kind's links are kept (`LinkModel`): a host is not also a partner.
        let hosts = input.hostIDs.uniqued()
        let organizations = hosts.map { ($0, EngagementOrganizationRole.host) }
            + input.partnerIDs.uniqued().filter { !hosts.contains($0) }.map { ($0, EngagementOrganizationRole.partner) }
        if !organizations.isEmpty {
            var insert = sql.insert(into: EngagementOrganizationModel.schema).columns("id", "engagement_id", "organization_id", "role")
            for (organization, role) in organizations { insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(organization), SQLBind(role)) }
            try await insert.run()
        }
        var delete = sql.delete(from: ParticipationModel.schema).where("engagement_id", .equal, SQLBind(id))
        if !actor.canSee(.restricted) {
            delete = delete.where(SQLQueryString("\(ident: "person_id") IN (SELECT \(ident: "id") FROM \(ident: PersonModel.schema) WHERE \(ident: "sensitivity") = \(bind: Sensitivity.normal))"))
        }
        try await delete.run()
        if !input.participants.isEmpty {
            var insert = sql.insert(into: ParticipationModel.schema).columns("id", "engagement_id", "person_id", "part", "title")
            for participant in input.participants {
                let title = participant.title?.trimmingWhitespace()
                insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(participant.personID), SQLBind(participant.part),
                                       title.map { $0.isEmpty ? SQLLiteral.null as any SQLExpression : SQLBind($0) } ?? SQLLiteral.null)
            }
            try await insert.run()
        }
        try await sql.delete(from: HeadCountModel.schema).where("engagement_id", .equal, SQLBind(id)).run()
        if !input.headCounts.isEmpty {
            var insert = sql.insert(into: HeadCountModel.schema).columns("id", "engagement_id", "position", "category", "count", "at_least", "by_gender", "by_community", "by_age")
            for (position, count) in input.headCounts.enumerated() {
                insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(position), SQLBind(count.category.trimmingWhitespace()), SQLBind(count.count),
                                       SQLBind(count.atLeast), SQLBind(Self.encodeCounts(count.byGender)), SQLBind(Self.encodeCounts(count.byCommunity)),
                                       SQLBind(Self.encodeCounts(count.byAge)))
            }
            try await insert.run()
        }
    }

    /// What the audit trail compares. Participants are listed by identity, not name: the history of an
    /// engagement is readable by people who may not see every participant.
    public func auditFields(_ model: EngagementModel, on db: any Database) async throws -> [(String, String?)] {
        let id = model.id!
        let organizations = try await EngagementOrganizationModel.query(on: db).filter(\.$engagementID == id).all()
        let participants = try await ParticipationModel.query(on: db).filter(\.$engagementID == id).all()
            .map { "\($0.personID.uuidString):\($0.part.rawValue)" }.sorted().joined(separator: ", ")
        let counts = try await HeadCountModel.query(on: db).filter(\.$engagementID == id).sort(\.$position).all()
            .map { HeadCount(category: $0.category, count: $0.count, atLeast: $0.atLeast, byGender: Self.decodeCounts($0.byGenderJSON),
                             byAge: Self.decodeCounts($0.byAgeJSON), byCommunity: Self.decodeCounts($0.byCommunityJSON)) }
        return auditFields(model, hosts: organizations.filter { $0.role == .host }.map(\.organizationID),
                           partners: organizations.filter { $0.role == .partner }.map(\.organizationID), participants: participants, headCounts: counts)
    }

    private func auditFields(_ model: EngagementModel, hosts: [UUID], partners: [UUID], participants: String, headCounts: [HeadCount]) -> [(String, String?)] {
        let counts = headCounts.map { "\($0.category.trimmingWhitespace()): \($0.displayCount)" }.joined(separator: "; ")
        // The breakdowns are compared too: a save that changes only them is a change (else it would be rolled
        // back as "nothing changed") and the history shows it.
        let breakdowns = headCounts.filter(\.isBrokenDown).map(HeadCountHistory.value).joined(separator: "; ")
        return [
            ("kind", model.kind), ("title", model.title), ("start", model.localStart), ("timeZone", model.timeZone),
            ("durationMinutes", model.durationMinutes.map(String.init)), ("place", model.placeID?.uuidString), ("venue", model.venue),
            ("visit", model.visitID?.uuidString), ("topics", JSONList.decode(model.topicsJSON).joined(separator: ", ")),
            ("summary", model.summary), ("outcomes", model.outcomes), ("decisions", model.decisions),
            ("aggregateOnly", model.aggregateOnly ? "yes" : "no"), ("confidentiality", model.confidentiality.rawValue),
            ("hosts", hosts.auditValue), ("partners", partners.auditValue), ("participants", participants.isEmpty ? nil : participants),
            ("headCounts", counts.isEmpty ? nil : counts),
            ("headCountBreakdowns", breakdowns.isEmpty ? nil : breakdowns),
        ]
    }
}

extension EngagementModel: ConfidentialRecord {
    public var auditLabel: String { title }
}
