import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/agreements`.
struct AgreementsAPIController: RecordAPI {
    static let resource = Resource.agreement
    typealias Kind = Agreements

    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        let write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.POST, .api(.record(.agreement, id, .engagements)), access: write, use: link)
        routes.on(.POST, .api(.record(.agreement, id, .documents)), access: write, body: .collect(maxSize: "26mb"), use: addDocument)
        routes.on(.GET, .api(.record(.agreement, id, .documents)), access: read, use: documents)
        routes.on(.GET, .api(.record(.document, id, .file)), access: read, use: documentFile)
        routes.on(.DELETE, .api(.record(.document, id)), access: write, use: removeDocument)
        RecordAPIActions(self).register(routes, list: list)
    }

    struct DocumentUpload: APIUpload {
        var file: File?
        var title: String?
    }

    /// A PDF (multipart/form-data: `file`, `title`), checked from its content.
    @Sendable func addDocument(_ req: Request) async throws -> Response {
        let (upload, file) = try DocumentUpload.decode(from: req, notMultipart: "error.body.notMultipartDocument")
        let document = try await AgreementDocuments(database: req.db, store: req.roundtable.documents)
            .add(Array(file.data.readableBytesView), title: upload.title, to: req.idParameter(), by: req.actor)
        return try APIJSON.response(document, status: .created, headers: ["Location": SiteURL.api(.record(.document, document.id, .file)).location])
    }

    @Sendable func documents(_ req: Request) async throws -> Response {
        try APIJSON.response(APIList(items: try await AgreementDocuments(database: req.db, store: req.roundtable.documents).list(of: req.idParameter(), by: req.actor)))
    }

    @Sendable func documentFile(_ req: Request) async throws -> Response {
        AgreementsController.pdf(try await AgreementDocuments(database: req.db, store: req.roundtable.documents).file(req.idParameter(), by: req.actor))
    }

    @Sendable func removeDocument(_ req: Request) async throws -> Response {
        try await AgreementDocuments(database: req.db, store: req.roundtable.documents).remove(req.idParameter(), by: req.actor)
        return Response(status: .noContent)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        var query = Agreements.Query()
        query.status = params.choice("status", AgreementStatus.self)
        query.kind = params.choice("kind", AgreementKind.self)
        query.organizationID = params.uuid("organization")
        query.personID = params.uuid("person")
        query.includeDeleted = params.flag("deleted")
        query = try params.paged(query)
        return try APIJSON.response(APIPage(try await kind(req).list(query, by: req.actor).map(APIAgreementSummary.init)))
    }

    struct Body: VersionedBody {
        var kind: String?, title: String?, focus: String?, topics: [String]?, signedOn: String?, validUntil: String?, status: String?
        var statusOn: String?, confidentiality: String?, notes: String?, parties: [AgreementPartyInput]?, version: Int?

        func input(over current: AgreementRecord?) -> AgreementInput {
            let summary = current?.summary
            var input = AgreementInput(kind: kind ?? summary?.kind.rawValue ?? "", title: title ?? summary?.title ?? "")
            input.focus = focus ?? current?.focus
            input.topics = topics ?? current?.topics ?? []
            input.signedOn = signedOn ?? summary?.signedOn?.description
            input.validUntil = validUntil ?? summary?.validUntil?.description
            input.status = status ?? summary?.status.rawValue ?? AgreementStatus.draft.rawValue
            input.statusOn = statusOn
            input.confidentiality = confidentiality ?? summary?.confidentiality.rawValue ?? Confidentiality.internal.rawValue
            input.notes = notes ?? current?.notes
            input.parties = parties ?? (current?.parties ?? []).map {
                AgreementPartyInput(organizationID: $0.organization?.id, personID: $0.person?.id, part: $0.part.rawValue)
            }
            return input
        }
    }

    func input(_ body: Body, over current: AgreementRecord?, _ req: Request) async throws -> AgreementInput {
        try APIDays.requireDaysOrNull([("signedOn", body.signedOn), ("validUntil", body.validUntil), ("statusOn", body.statusOn)])
        if current == nil { try requireFields([("kind", body.kind != nil), ("title", body.title != nil)]) }
        return body.input(over: current)
    }
    func output(_ agreement: AgreementRecord) -> APIAgreement { APIAgreement(agreement) }

    struct LinkBody: EngagementLinkBody, Sendable {
        var engagementID: UUID?, link: String?
        /// Discussed unless the body says otherwise; nil when it says something that is not a link.
        var chosen: AgreementEngagementLink? { AgreementEngagementLink(rawValue: link ?? AgreementEngagementLink.discussed.rawValue) }
    }

    /// An engagement where the agreement was discussed or signed.
    @Sendable func link(_ req: Request) async throws -> Response {
        let actor = req.actor
        return try await linkEngagement(req, LinkBody.self, checking: { $0.chosen == nil ? [FieldIssue(field: "link", "field.notAChoice")] : [] }) {
            kind, engagementID, body, id in
            guard let link = body.chosen else { return }
            try await kind.link(engagement: engagementID, to: id, as: link, by: actor)
        }
    }
}

struct APIAgreementSummary: Encodable, Sendable {
    var id: UUID, kind: String, title: String, status: String, signedOn: String?, validUntil: String?, confidentiality: String

    init(_ summary: AgreementSummary) {
        id = summary.id; kind = summary.kind.rawValue; title = summary.title; status = summary.status.rawValue
        signedOn = summary.signedOn?.description; validUntil = summary.validUntil?.description; confidentiality = summary.confidentiality.rawValue
    }
}

/// An agreement as the API gives it, with its parties, status steps and engagements.
struct APIAgreement: Encodable {
    /// A deleted record is seen only by those who may restore it.
    var deleted = false
    struct Party: Encodable {
        var organization: RecordRef?
        var person: RecordRef?
        var part: String
    }
    struct Linked: Encodable { var engagement: RecordRef, day: String, link: String }

    var id: UUID, kind: String, title: String, focus: String?, topics: [String], signedOn: String?, validUntil: String?, status: String
    var confidentiality: String, notes: String?, parties: [Party], statusHistory: [AgreementStatusStep], engagements: [Linked], version: Int

    init(_ agreement: AgreementRecord) {
        let summary = agreement.summary
        id = summary.id; kind = summary.kind.rawValue; title = summary.title; focus = agreement.focus; topics = agreement.topics
        signedOn = summary.signedOn?.description; validUntil = summary.validUntil?.description; status = summary.status.rawValue
        confidentiality = summary.confidentiality.rawValue; notes = agreement.notes
        parties = agreement.parties.map { Party(organization: $0.organization, person: $0.person, part: $0.part.rawValue) }
        statusHistory = agreement.statusHistory
        engagements = agreement.engagements.map { Linked(engagement: $0.engagement, day: $0.day, link: $0.link.rawValue) }
        version = agreement.version
        deleted = agreement.isDeleted
    }
}
