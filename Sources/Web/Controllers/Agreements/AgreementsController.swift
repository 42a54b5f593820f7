import Domain
import Features
import Foundation
import Vapor

/// Agreement pages: list, one agreement, add, edit, delete, restore, history; and linking an agreement
/// from the engagement where it was discussed or signed.
struct AgreementsController: RecordPages {
    static let resource = Resource.agreement
    typealias Kind = Agreements

    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords), id = RouteParameter.id
        routes.on(.POST, .record(.engagement, id, .agreements), access: write, use: link)
        routes.on(.POST, .record(.engagement, id, .unlinkAgreement), access: write, use: unlink)
        routes.on(.POST, .record(.agreement, id, .documents), access: write, body: .collect(maxSize: "26mb"), use: addDocument)
        routes.on(.GET, .record(.document, id), access: read, use: document)
        routes.on(.POST, .record(.document, id, .delete), access: write, use: removeDocument)
        RecordActions(self).register(routes, index: index)
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        var query = Agreements.Query()
        query.status = AgreementStatus(rawValue: req.queryText("status"))
        query.kind = AgreementKind(rawValue: req.queryText("kind"))
        query.order = ListOrder(req.queryText("sort"), columns: Agreements.orderFields.keys)
        query.page = req.queryPage()
        let page = try await kind(req).list(query, by: req.actor)
        var model = AgreementsIndexPage.Model(page: page, status: query.status?.rawValue ?? "", kind: query.kind?.rawValue ?? "", sort: query.order?.text ?? "", canWrite: req.canWrite)
        model.saved = try await req.savedFilters(of: .agreement)
        return Pages.response(AgreementsIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.agreement))), request: req)
    }

    func showPage(_ req: Request, id: UUID) async throws -> String { try await page(req, id: id) }

    func values(of agreement: AgreementRecord, _ req: Request) -> AgreementFormPage.Values { AgreementFormPage.Values(agreement, text: req.localizer) }

    func input(_ form: AgreementForm, existing: AgreementRecord?, _ req: Request) async throws -> (AgreementInput, [FieldIssue]) {
        try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, text: req.localizer, existing: existing)
    }

    func page(_ req: Request, id: UUID, documentErrors: [FieldIssue] = [], documentTitle: String = "") async throws -> String {
        let agreement = try await kind(req).get(id, by: req.actor)
        let groups = try await WorkingGroups(database: req.db, language: req.localizer.tag)
            .list(perPage: 200, agreementID: agreement.id, by: req.actor).items
        let documents = try await AgreementDocuments(database: req.db, store: req.roundtable.documents).list(of: agreement.id, by: req.actor)
        let model = AgreementPage.Model(agreement: agreement, canWrite: req.canWrite, canRestore: req.canRestore, groups: groups, documents: documents,
                                         documentErrors: .init(documentErrors, text: req.localizer), documentTitle: documentTitle)
        return AgreementPage.view(model, chrome: chrome(req))
    }

    struct DocumentForm: Content {
        var file: File?
        var title: String?
    }

    @Sendable func addDocument(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        guard req.headers.contentType?.type == "multipart" else { throw WebError.unsupportedMediaType }
        try MultipartGuard.check(req)
        let form = try req.content.decode(DocumentForm.self)
        do {
            _ = try await AgreementDocuments(database: req.db, store: req.roundtable.documents)
                .add(form.file.map { Array($0.data.readableBytesView) } ?? [], title: form.title, to: id, by: req.actor)
            return Pages.redirect(to: .record(.agreement, id), flash: Flash("record.saved"))
        } catch let error as DomainError {
            let html = try await page(req, id: id, documentErrors: RegistryErrors.issues(error), documentTitle: form.title ?? "")
            return Pages.response(html, status: .unprocessableEntity, request: req)
        }
    }

    /// The PDF, as a download named after its title (letters and digits only: nothing typed reaches a header raw).
    @Sendable func document(_ req: Request) async throws -> Response {
        let file = try await AgreementDocuments(database: req.db, store: req.roundtable.documents).file(req.idParameter(), by: req.actor)
        return Self.pdf(file)
    }

    static func pdf(_ file: (title: String, data: Data)) -> Response {
        let safe = String(file.title.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? Character($0) : "-" }).prefix(80)
        return Response(status: .ok, headers: [
            "Content-Type": "application/pdf", "Content-Disposition": "attachment; filename=\"\(safe.isEmpty ? "document" : String(safe)).pdf\"",
            "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff",
        ], body: .init(data: file.data))
    }

    @Sendable func removeDocument(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let documents = AgreementDocuments(database: req.db, store: req.roundtable.documents)
        guard let agreementID = try await documents.agreement(of: id) else { throw WebError.notFound }
        try await documents.remove(id, by: req.actor)
        return Pages.redirect(to: .record(.agreement, agreementID), flash: Flash("record.saved"))
    }

    struct AgreementForm: Content, PostedForm {
        var kind: String?, title: String?, focus: String?, topics: String?, signedOn: String?, validUntil: String?, status: String?
        var statusOn: String?, confidentiality: String?, notes: String?, organizations: String?, people: String?, version: String?

        var values: AgreementFormPage.Values {
            var values = AgreementFormPage.Values()
            values.kind = kind ?? ""; values.title = title ?? ""; values.focus = focus ?? ""; values.topics = topics ?? ""
            values.signedOn = signedOn ?? ""; values.validUntil = validUntil ?? ""; values.status = status ?? ""; values.statusOn = statusOn ?? ""
            values.confidentiality = confidentiality ?? ""; values.notes = notes ?? ""; values.organizations = organizations ?? ""
            values.people = people ?? ""; values.version = version ?? ""
            return values
        }

        /// The input, with the parties found by the names typed ("name, part" a line); problems by field.
        func input(lookup: NameLookup, actor: Actor, text: Localizer, existing: AgreementRecord?) async throws -> (AgreementInput, [FieldIssue]) {
            var input = AgreementInput(kind: kind ?? "", title: title ?? "")
            input.focus = focus
            input.topics = (topics ?? "").split(separator: ",").map { String($0) }
            input.signedOn = signedOn
            input.validUntil = validUntil
            input.status = status ?? ""
            input.statusOn = statusOn
            input.confidentiality = confidentiality ?? ""
            input.notes = notes
            var issues: [FieldIssue] = []
            let knownOrganizations = Set((existing?.parties ?? []).compactMap { $0.organization?.id })
            for line in FormValues.list(organizations) {
                guard let (name, part) = Self.party(line, field: "organizations", text: text, issues: &issues) else { continue }
                switch try await lookup.resolveOrganization(name, field: "organizations", by: actor, preferring: knownOrganizations) {
                case .found(let ref): input.parties.append(AgreementPartyInput(organizationID: ref.id, part: part.rawValue))
                case .problem(let issue): issues.append(issue)
                }
            }
            let knownPeople = Set((existing?.parties ?? []).compactMap { $0.person?.id })
            for line in FormValues.list(people) {
                guard let (name, part) = Self.party(line, field: "people", text: text, issues: &issues) else { continue }
                switch try await lookup.resolvePerson(name, field: "people", by: actor, preferring: knownPeople) {
                case .found(let ref): input.parties.append(AgreementPartyInput(personID: ref.id, part: part.rawValue))
                case .problem(let issue): issues.append(issue)
                }
            }
            return (input, issues)
        }

        /// "Office of the Deputy Prime Minister, signatory" → (name, part); a line without a part is a signatory.
        static func party(_ line: String, field: String, text: Localizer, issues: inout [FieldIssue]) -> (String, PartyPart)? {
            guard let comma = line.lastIndex(of: ",") else { return (line, .signatory) }
            let typed = String(line[line.index(after: comma)...]).trimmingWhitespace().lowercased()
            guard let part = PartyPart.allCases.first(where: { $0.rawValue == typed || text("partyPart.\($0.rawValue)").lowercased() == typed }) else {
                issues.append(FieldIssue(field: field, "agreement.partUnknown", typed))
                return nil
            }
            return (String(line[..<comma]).trimmingWhitespace(), part)
        }
    }

    struct LinkForm: Content { var agreementID: String?, link: String? }

    /// From the engagement's page: this agreement was discussed (or signed) here.
    @Sendable func link(_ req: Request) async throws -> Response {
        let engagementID = try req.idParameter()
        let form = try req.content.decode(LinkForm.self)
        guard let agreementID = FormValues.uuid(form.agreementID), let link = AgreementEngagementLink(rawValue: form.link ?? "") else {
            let attempt = EngagementPage.Attempt(form: .agreement, values: ["agreementID": form.agreementID ?? "", "link": form.link ?? ""],
                                                 errors: .init([FieldIssue(field: "agreementID", "field.required")], text: req.localizer))
            return try await EngagementsController.page(req, id: engagementID, attempt: attempt)
        }
        try await kind(req).link(engagement: engagementID, to: agreementID, as: link, by: req.actor)
        return Pages.redirect(to: .record(.engagement, engagementID), flash: Flash("record.saved"))
    }

    @Sendable func unlink(_ req: Request) async throws -> Response {
        let engagementID = try req.idParameter()
        let form = try req.content.decode(LinkForm.self)
        guard let agreementID = FormValues.uuid(form.agreementID) else { throw WebError.notFound }
        try await kind(req).unlink(engagement: engagementID, from: agreementID, by: req.actor)
        return Pages.redirect(to: .record(.engagement, engagementID), flash: Flash("record.saved"))
    }

    func formPage(_ req: Request, _ values: AgreementFormPage.Values, existing: AgreementRecord?, errors: [FieldIssue],
                  conflict: AgreementRecord?) async throws -> String {
        // The domain reports on "parties"; the form has organisations and people: shown at the people, where the summary links.
        let errors = errors.map { issue in
            var issue = issue
            if issue.field == "parties" { issue.field = "people" }
            return issue
        }
        let model = AgreementFormPage.Model(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                             canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false)
        return AgreementFormPage.view(model, chrome: chrome(req))
    }
}
