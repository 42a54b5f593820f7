import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/agreements`.
struct AgreementsAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .api(.list(.agreement)), access: read, use: list)
        routes.on(.POST, .api(.list(.agreement)), access: write, use: create)
        routes.on(.GET, .api(.record(.agreement, id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(.agreement, id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(.agreement, id)), access: write, use: delete)
        routes.on(.POST, .api(.record(.agreement, id, .restore)), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .api(.record(.agreement, id, .history)), access: read, use: history)
        routes.on(.POST, .api(.record(.agreement, id, .engagements)), access: write, use: link)
        routes.on(.POST, .api(.record(.agreement, id, .documents)), access: write, body: .collect(maxSize: "26mb"), use: addDocument)
        routes.on(.GET, .api(.record(.agreement, id, .documents)), access: read, use: documents)
        routes.on(.GET, .api(.record(.document, id, .file)), access: read, use: documentFile)
        routes.on(.DELETE, .api(.record(.document, id)), access: write, use: removeDocument)
    }

    struct DocumentUpload: Content {
        var file: File?
        var title: String?
    }

    /// A PDF (multipart/form-data: `file`, `title`), checked from its content.
    @Sendable func addDocument(_ req: Request) async throws -> Response {
        guard req.headers.contentType?.type == "multipart", req.headers.contentType?.subType == "form-data" else { throw WebError.unsupportedMediaType }
        let upload: DocumentUpload
        try MultipartGuard.check(req)
        do { upload = try req.content.decode(DocumentUpload.self) } catch { throw WebError.badRequest("error.body.notMultipartDocument") }
        guard let file = upload.file else { throw DomainError.invalid([FieldIssue(field: "file", "field.required")]) }
        let document = try await AgreementDocuments(database: req.db, store: req.roundtable.documents)
            .add(Array(file.data.readableBytesView), title: upload.title, to: req.idParameter(), by: req.actor)
        return try APIJSON.response(document, status: .created, headers: ["Location": SiteURL.api(.record(.document, document.id, .file)).path])
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

    func agreements(_ req: Request) -> Agreements { Agreements(database: req.db, language: req.localizer.language) }

    @Sendable func list(_ req: Request) async throws -> Response {
        var issues: [FieldIssue] = []
        let paging = APIListQuery(req, issues: &issues)
        var query = Agreements.Query()
        query.status = APIListQuery.choice(req, "status", AgreementStatus.self, issues: &issues)
        query.kind = APIListQuery.choice(req, "kind", AgreementKind.self, issues: &issues)
        query.organizationID = APIListQuery.uuid(req, "organization", issues: &issues)
        query.personID = APIListQuery.uuid(req, "person", issues: &issues)
        query.includeDeleted = APIListQuery.flag(req, "deleted", issues: &issues)
        query.page = paging.page
        query.perPage = paging.perPage
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        return try APIJSON.response(APIPage(try await agreements(req).list(query, by: req.actor).map(APIAgreementSummary.init)))
    }

    struct Body: Decodable {
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

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        try APIDays.requireDaysOrNull([("signedOn", body.signedOn), ("validUntil", body.validUntil), ("statusOn", body.statusOn)])
        var issues: [FieldIssue] = []
        for (field, value) in [("kind", body.kind), ("title", body.title)] where value == nil { issues.append(FieldIssue(field: field, "field.required")) }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let agreement = try await agreements(req).create(body.input(over: nil), by: req.actor)
        return try APIJSON.response(APIAgreement(agreement), status: .created,
                                    headers: ["Location": SiteURL.api(.record(.agreement, agreement.id)).path, "ETag": "\"\(agreement.version)\""])
    }

    @Sendable func get(_ req: Request) async throws -> Response {
        let agreement = try await agreements(req).get(req.idParameter(), by: req.actor)
        guard !agreement.summary.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIAgreement(agreement), headers: ["ETag": "\"\(agreement.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        try APIDays.requireDaysOrNull([("signedOn", body.signedOn), ("validUntil", body.validUntil), ("statusOn", body.statusOn)])
        let current = try await agreements(req).get(id, by: req.actor)
        guard !current.summary.isDeleted else { throw WebError.notFound }
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let agreement = try await IfMatch.preconditioned(req) { try await agreements(req).update(id, body.input(over: current), expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(APIAgreement(agreement), headers: ["ETag": "\"\(agreement.version)\""])
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let current = try await agreements(req).get(id, by: req.actor)
        guard !current.summary.isDeleted else { throw WebError.notFound }
        try await agreements(req).delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let agreement = try await agreements(req).restore(req.idParameter(), by: req.actor)
        return try APIJSON.response(APIAgreement(agreement), headers: ["ETag": "\"\(agreement.version)\""])
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let agreement = try await agreements(req).get(req.idParameter(), by: req.actor)
        guard !agreement.summary.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIList(items: try await AuditLog(database: req.db).history(of: agreement.id)))
    }

    struct LinkBody: Decodable { var engagementID: UUID?, link: String? }

    /// An engagement where the agreement was discussed or signed.
    @Sendable func link(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(LinkBody.self, from: req)
        var issues: [FieldIssue] = []
        if body.engagementID == nil { issues.append(FieldIssue(field: "engagementID", "field.required")) }
        let link = AgreementEngagementLink(rawValue: body.link ?? AgreementEngagementLink.discussed.rawValue)
        if link == nil { issues.append(FieldIssue(field: "link", "field.notAChoice")) }
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        try await agreements(req).link(engagement: body.engagementID!, to: id, as: link!, by: req.actor)
        let agreement = try await agreements(req).get(id, by: req.actor)
        return try APIJSON.response(APIAgreement(agreement), headers: ["ETag": "\"\(agreement.version)\""])
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
    struct Party: Encodable {
        var organization: RecordRef?
        var person: RecordRef?
        var part: String
    }
    struct Step: Encodable { var status: String, effectiveOn: String }
    struct Linked: Encodable { var engagement: RecordRef, day: String, link: String }

    var id: UUID, kind: String, title: String, focus: String?, topics: [String], signedOn: String?, validUntil: String?, status: String
    var confidentiality: String, notes: String?, parties: [Party], statusHistory: [Step], engagements: [Linked], version: Int

    init(_ agreement: AgreementRecord) {
        let summary = agreement.summary
        id = summary.id; kind = summary.kind.rawValue; title = summary.title; focus = agreement.focus; topics = agreement.topics
        signedOn = summary.signedOn?.description; validUntil = summary.validUntil?.description; status = summary.status.rawValue
        confidentiality = summary.confidentiality.rawValue; notes = agreement.notes
        parties = agreement.parties.map { Party(organization: $0.organization, person: $0.person, part: $0.part.rawValue) }
        statusHistory = agreement.statusHistory.map { Step(status: $0.status.rawValue, effectiveOn: $0.effectiveOn.description) }
        engagements = agreement.engagements.map { Linked(engagement: $0.engagement, day: $0.day, link: $0.link.rawValue) }
        version = agreement.version
    }
}
