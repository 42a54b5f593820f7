import Domain
import FluentKit
import Foundation
import SQLKit
import Storage

/// Agreements: partnerships, memoranda, letters of intent, grants — their parties, the dated steps of their
/// status, and the engagements where they were discussed or signed. A restricted agreement follows the
/// restricted-record rule; a restricted person among the parties is left out for roles that may not see
/// them, and kept when such a role saves.
public struct Agreements: Sendable {
    public let database: any Database
    public let language: String

    public init(database: any Database, language: String = "en") {
        self.database = database
        self.language = language
    }

    public static let recordType = "agreement"

    public struct Query: Sendable, Equatable {
        public var status: AgreementStatus?
        public var kind: AgreementKind?
        public var organizationID: UUID?
        public var personID: UUID?
        public var includeDeleted = false
        /// By title, signing or end of validity; newest recorded first when nil.
        public var order: ListOrder?
        public var page = 1
        public var perPage = 50
        /// `personID` is a `SeenPerson`'s: already found visible to the actor.
        var personSeen = false

        public init() {}
    }

    /// The columns the list sorts by, and the field behind each.
    public static let orderFields: [String: FieldKey] = ["title": "title", "signed": "signed_on", "valid": "valid_until"]

    /// Newest first, unless the query orders otherwise.
    public func list(_ query: Query, by actor: Actor) async throws -> ListPage<AgreementSummary> {
        try actor.require(.readRecords)
        var builder = visible(to: actor, includeDeleted: query.includeDeleted)
        if let status = query.status { builder = builder.filter(\.$status == status) }
        if let kind = query.kind { builder = builder.filter(\.$kind == kind) }
        if let id = query.organizationID {
            builder = builder.linked(through: AgreementPartyModel.schema, "agreement_id", where: "organization_id", is: id)
        }
        if let id = query.personID {
            // Filtering by someone the actor may not see would tell what they signed.
            if !query.personSeen, !(try await People(database: database).isVisible(id, to: actor)) {
                return ListPage(items: [], page: 1, perPage: query.perPage, total: 0, totalIsAtLeast: false, hasMore: false)
            }
            builder = builder.linked(through: AgreementPartyModel.schema, "agreement_id", where: "person_id", is: id)
        }
        let found = try await fetchPage(builder.sort(by: query.order, fields: Self.orderFields) { $0.sort(\.$createdAt, .descending).sort(\.$id) }, page: query.page, perPage: query.perPage)
        return found.map(Self.summary)
    }

    /// The agreements the person whose page this is is party to.
    public func partyTo(_ person: SeenPerson, by actor: Actor) async throws -> [AgreementSummary] {
        var query = Query()
        query.personID = person.id
        query.personSeen = true
        query.perPage = 200
        return try await list(query, by: actor).items
    }

    /// Every agreement a person or an organisation is party to, for their page.
    public func partyTo(personID: UUID? = nil, organizationID: UUID? = nil, by actor: Actor) async throws -> [AgreementSummary] {
        var query = Query()
        query.personID = personID
        query.organizationID = organizationID
        query.perPage = 200
        return try await list(query, by: actor).items
    }

    /// Agreements for a menu (linking an engagement), newest first.
    public func choices(by actor: Actor) async throws -> [RecordRef] {
        try actor.require(.readRecords)
        return try await visible(to: actor, includeDeleted: false).sort(\.$createdAt, .descending).limit(200).all()
            .map { RecordRef(id: $0.id!, name: $0.title) }
    }

    /// The agreements an engagement discussed or signed, as its page shows them.
    public func linked(toEngagement engagementID: UUID, by actor: Actor) async throws -> [(agreement: RecordRef, link: AgreementEngagementLink)] {
        // One statement: the agreements the actor may see, joined to this engagement's links for how each was met.
        let models = try await visible(to: actor, includeDeleted: false)
            .join(AgreementEngagementModel.self, on: \AgreementModel.$id == \AgreementEngagementModel.$agreementID)
            .filter(AgreementEngagementModel.self, \.$engagementID == engagementID)
            .all()
        return try models.map { model in
            (RecordRef(id: model.id!, name: model.title), try model.joined(AgreementEngagementModel.self).link)
        }.sorted { $0.agreement.name < $1.agreement.name }
    }

    static func summary(_ model: AgreementModel) -> AgreementSummary {
        AgreementSummary(id: model.id!, kind: model.kind, title: model.title, status: model.status, signedOn: model.signedOn,
                         validUntil: model.validUntil, confidentiality: model.confidentiality, isDeleted: model.deletedAt != nil)
    }

    public func record(_ model: AgreementModel, by actor: Actor) async throws -> AgreementRecord {
        let id = model.id!
        let partyRows = try await AgreementPartyModel.query(on: database).filter(\.$agreementID == id).all()
        let organizations = try await OrganizationModel.query(on: database).filter(\.$id ~~ partyRows.compactMap(\.organizationID)).all()
        let orgNames = Dictionary(organizations.map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        var people = PersonModel.query(on: database).filter(\.$id ~~ partyRows.compactMap(\.personID)).filter(\.$deletedAt == nil)
        if !actor.canSee(.restricted) { people = people.filter(\.$sensitivity == Sensitivity.normal) }
        let personNames = Dictionary(try await people.all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        let parties: [AgreementParty] = partyRows.compactMap { row in
            let part = row.part
            if let org = row.organizationID { return orgNames[org].map { AgreementParty(organization: RecordRef(id: org, name: $0), person: nil, part: part) } }
            if let person = row.personID { return personNames[person].map { AgreementParty(organization: nil, person: RecordRef(id: person, name: $0), part: part) } }
            return nil
        }.sorted { ($0.organization == nil ? 1 : 0, $0.organization?.name ?? $0.person?.name ?? "") < ($1.organization == nil ? 1 : 0, $1.organization?.name ?? $1.person?.name ?? "") }
        let steps = try await AgreementStatusChangeModel.history(of: id, on: database)
        let links = try await AgreementEngagementModel.query(on: database).filter(\.$agreementID == id).all()
        var engagements: [AgreementEngagement] = []
        if !links.isEmpty {
            let seen = try await Engagements(database: database, language: language).summaries(ids: links.map(\.engagementID), by: actor)
            let kinds = Dictionary(links.map { ($0.engagementID, $0.link) }, uniquingKeysWith: { first, _ in first })
            engagements = seen.map { AgreementEngagement(engagement: RecordRef(id: $0.id, name: $0.title), day: String($0.start.prefix(10)), link: kinds[$0.id] ?? .discussed) }
        }
        return AgreementRecord(summary: Self.summary(model), focus: model.focus, topics: JSONList.decode(model.topics), notes: model.notes,
                               parties: parties, statusHistory: steps, engagements: engagements, version: model.version)
    }
}
