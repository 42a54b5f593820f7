import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// The retention review (the GDPR's storage limitation; the ICRC handbook keeps personal data no longer than
/// its purpose needs): with a period set (`SiteSettings.retentionPeriod`), the people the record has no
/// reason left to keep are listed, for a coordinator to keep — with a reason, for one more period — or to
/// erase (`Erasure`). Nothing is erased by itself: a list that deleted people would delete the wrong ones
/// the day a meeting went unrecorded.
///
/// A person is past the period when, at the cut-off (now minus the period), all of these hold:
/// - the record is live (erased people are gone already) and was created and last changed before it;
/// - no live engagement they took part in is on or after the cut-off day (their last is before it, or
///   they have none);
/// - they hold no post that has not ended (a post with no end day, or one ending today or later, or one
///   still to begin): a current public role is a continuing reason to keep them;
/// - their lawful basis is not a continuing one (`continuingBases`);
/// - no decision to keep them was made since the cut-off (a decision holds for one period from its day).
///
/// For those who answer data-protection requests (`erasePeople`: coordinators, administrators); restricted
/// people only for those who may read restricted records. One SQL query for a page (and one to count them
/// when the page is full), the same on SQLite and PostgreSQL: each live person is checked by index look-ups
/// in their own part of the positions (`positions_person_ends`, covering), participations
/// (`participations_person_start`) and decisions indexes, the post first because it settles most people in
/// a registry of officials. At 100,000 people all recorded before the cut-off, a page takes about 0.3 s
/// (docs/benchmarks.md).
public struct RetentionReview: Sendable {
    public let database: any Database

    public init(database: any Database) { self.database = database }

    /// Lawful bases that are a reason to keep a record whether or not anyone met the person lately:
    /// - `legal_obligation`: a law says how long it is kept (grant and audit records, safeguarding files),
    ///   and only that law's period ends it — not ours;
    /// - `contract`: a contract with them (a consultant, a grantee's contact) runs until it ends, and the
    ///   record cannot tell when; whoever ends it changes the basis.
    ///
    /// Not continuing: `consent` (given for the work, and the work with them stopped), `legitimate_interest`
    /// (the interest lapses with the engagement), `public_role` (a current post, not the basis, shows a
    /// public role goes on — see the positions rule), `vital_interest` (an emergency at the time, not a
    /// standing reason), and `unknown` (exactly the records a review is for).
    public static let continuingBases: Set<LawfulBasis> = [.legalObligation, .contract]

    /// One person past the period.
    public struct Entry: Sendable, Equatable, Codable {
        public var person: RecordRef
        /// The day of their last engagement (before the cut-off), if they ever took part in one. None is
        /// written as null rather than left out: the API says "never met" plainly.
        @ExplicitNull public var lastEngagement: Day?
        public var createdAt: Date
        public var lawfulBasis: LawfulBasis
        public var restricted: Bool
    }

    /// The list as a reader sees it: the period (nil when off, and then no one is listed), its cut-off and
    /// a page of people, with how many there are in all.
    public struct Review: Sendable {
        public var period: RetentionPeriod?
        public var cutoff: Date?
        public var people: ListPage<Entry>
    }

    public struct Decision: Sendable, Equatable, Codable {
        public var id: UUID
        public var person: RecordRef
        public var reason: String
        public var decidedAt: Date
        /// The person comes back on the list after this, unless something else keeps them off it.
        public var keptUntil: Date
    }

    public func list(by actor: Actor, page: Int = 1, perPage: Int = 50, now: Date = Date()) async throws -> Review {
        try actor.require(.erasePeople)
        let page = min(max(page, 1), 1_000_000), perPage = min(max(perPage, 1), 200)
        guard let period = try await SiteSettings(database: database).retentionPeriod() else {
            return Review(period: nil, cutoff: nil,
                          people: ListPage(items: [], page: page, perPage: perPage, total: 0, totalIsAtLeast: false, hasMore: false))
        }
        let cutoff = period.cutoff(before: now)
        let sql = database.sql
        let condition = Self.pastThePeriod(cutoff: cutoff, today: Day(utc: now), actor: actor)
        // What the reader is shown of the last engagement is among the engagements they may see. The page is
        // read in name order and stops once it is full, and the last engagement is looked up for its rows only.
        let hidden: SQLQueryString = actor.canSee(confidentiality: .restricted) ? ""
            : "AND \(ident: "e").\(ident: "confidentiality") <> \(bind: Confidentiality.restricted.rawValue)"
        let rows = try await sql.raw("""
            SELECT \(ident: "y").*, (SELECT \(ident: "p").\(ident: "local_start") FROM \(ident: ParticipationModel.schema) AS \(ident: "p") \
            JOIN \(ident: EngagementModel.schema) AS \(ident: "e") ON \(ident: "e").\(ident: "id") = \(ident: "p").\(ident: "engagement_id") \
            WHERE \(ident: "p").\(ident: "person_id") = \(ident: "y").\(ident: "id") AND \(ident: "e").\(ident: "deleted_at") IS NULL \(hidden) \
            ORDER BY \(ident: "p").\(ident: "local_start") DESC LIMIT 1) AS \(ident: "last_start") \
            FROM (SELECT \(ident: "x").\(ident: "id"), \(ident: "x").\(ident: "name"), \(ident: "x").\(ident: "sort_name"), \
            \(ident: "x").\(ident: "created_at"), \(ident: "x").\(ident: "lawful_basis"), \(ident: "x").\(ident: "sensitivity") \
            FROM \(ident: PersonModel.schema) AS \(ident: "x") WHERE \(condition) \
            ORDER BY \(ident: "x").\(ident: "sort_name"), \(ident: "x").\(ident: "id") \
            LIMIT \(literal: perPage + 1) OFFSET \(literal: (page - 1) * perPage)) AS \(ident: "y") \
            ORDER BY \(ident: "y").\(ident: "sort_name"), \(ident: "y").\(ident: "id")
            """).all()
        // A first page that is not full is the whole list: no second pass to count it.
        var total = rows.count
        if page > 1 || rows.count > perPage {
            total = try await sql.raw("SELECT COUNT(*) AS \(ident: "n") FROM \(ident: PersonModel.schema) AS \(ident: "x") WHERE \(condition)")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let items = try rows.prefix(perPage).map { row in
            Entry(person: RecordRef(id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self)),
                  lastEngagement: try row.decode(column: "last_start", as: String?.self).flatMap { Day(String($0.prefix(10))) },
                  createdAt: try row.decode(column: "created_at", as: Date.self),
                  lawfulBasis: LawfulBasis(rawValue: try row.decode(column: "lawful_basis", as: String.self)) ?? .unknown,
                  restricted: try row.decode(column: "sensitivity", as: String.self) == Sensitivity.restricted.rawValue)
        }
        return Review(period: period, cutoff: cutoff,
                      people: ListPage(items: items, page: page, perPage: perPage, total: total, totalIsAtLeast: false,
                                       hasMore: page * perPage < total))
    }

    /// The rule above, as one `WHERE` over `people AS x`.
    static func pastThePeriod(cutoff: Date, today: Day, actor: Actor) -> SQLQueryString {
        let continuing = continuingBases.map(\.rawValue).sorted()
        let restricted: SQLQueryString = actor.canSee(.restricted) ? ""
            : "AND \(ident: "x").\(ident: "sensitivity") = \(bind: Sensitivity.normal.rawValue)"
        // `local_start` is `YYYY-MM-DDTHH:MM`: every start on the cut-off day sorts after the bare day.
        return """
            \(ident: "x").\(ident: "deleted_at") IS NULL AND \(ident: "x").\(ident: "updated_at") < \(bind: cutoff) \
            AND \(ident: "x").\(ident: "created_at") < \(bind: cutoff) \
            AND \(ident: "x").\(ident: "lawful_basis") NOT IN (\(binds: continuing as [any Encodable & Sendable])) \(restricted) \
            AND NOT EXISTS (SELECT 1 FROM \(ident: PositionModel.schema) AS \(ident: "po") \
            JOIN \(ident: OrganizationModel.schema) AS \(ident: "o") ON \(ident: "o").\(ident: "id") = \(ident: "po").\(ident: "organization_id") \
            WHERE \(ident: "po").\(ident: "person_id") = \(ident: "x").\(ident: "id") AND \(ident: "po").\(ident: "deleted_at") IS NULL \
            AND \(ident: "o").\(ident: "deleted_at") IS NULL \
            AND (\(ident: "po").\(ident: "ends_on") IS NULL OR \(ident: "po").\(ident: "ends_on") >= \(bind: today.description))) \
            AND NOT EXISTS (SELECT 1 FROM \(ident: ParticipationModel.schema) AS \(ident: "p") \
            JOIN \(ident: EngagementModel.schema) AS \(ident: "e") ON \(ident: "e").\(ident: "id") = \(ident: "p").\(ident: "engagement_id") \
            WHERE \(ident: "p").\(ident: "person_id") = \(ident: "x").\(ident: "id") \
            AND \(ident: "p").\(ident: "local_start") >= \(bind: Day(utc: cutoff).description) AND \(ident: "e").\(ident: "deleted_at") IS NULL) \
            AND NOT EXISTS (SELECT 1 FROM \(ident: RetentionDecisionModel.schema) AS \(ident: "d") \
            WHERE \(ident: "d").\(ident: "person_id") = \(ident: "x").\(ident: "id") AND \(ident: "d").\(ident: "decided_at") >= \(bind: cutoff))
            """
    }

    /// Keeps a person past the period for one more period, with a reason (required; it is what a
    /// data-protection officer will ask for). Only someone on the list can be kept: anyone else has a
    /// reason already, and a decision for them would say nothing. Audited on the person's record (the
    /// reason, and the record by identity and name like every change of it).
    public func keep(_ id: UUID, reason: String, by actor: Actor, now: Date = Date()) async throws -> Decision {
        try actor.require(.erasePeople)
        let reason = reason.trimmingWhitespace()
        return try await database.transaction { tx in
            let person = try await People(database: tx).find(id, by: actor, includeDeleted: false, on: tx)
            var v = Validator()
            v.check(!reason.isEmpty, "reason", "field.required")
            v.check(reason.count <= 1_000, "reason", "field.tooLong", "1000")
            try v.throwIfInvalid()
            guard let period = try await SiteSettings(database: tx).retentionPeriod() else {
                throw DomainError.notAllowed("retention.off")
            }
            let condition = Self.pastThePeriod(cutoff: period.cutoff(before: now), today: Day(utc: now), actor: actor)
            let listed = try await tx.sql.raw("""
                SELECT COUNT(*) AS \(ident: "n") FROM \(ident: PersonModel.schema) AS \(ident: "x") \
                WHERE \(ident: "x").\(ident: "id") = \(bind: id) AND \(condition)
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            guard listed > 0 else { throw DomainError.notAllowed("retention.notListed") }
            let decision = RetentionDecisionModel(personID: id, reason: reason, decidedAt: now, decidedBy: actor.label)
            try await decision.create(on: tx)
            try await AuditTrail.record(.retentionKeep, by: actor, recordType: People.recordType, recordID: id, recordLabel: person.name,
                                        changes: [FieldChange(field: "reason", from: nil, to: reason)], at: now, on: tx)
            return Decision(id: try decision.requireID(), person: RecordRef(id: id, name: person.name), reason: reason, decidedAt: now,
                            keptUntil: period.keptUntil(now))
        }
    }
}
