import Domain
import Features
import Vapor

/// The organisation pages: list, page, add, edit, delete (with confirmation), restore, history.
struct OrganizationsController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.organization), access: read, use: index)
        routes.on(.GET, .new(.organization), access: write, use: new)
        routes.on(.POST, .list(.organization), access: write, use: create)
        routes.on(.GET, .record(.organization, id), access: read, use: show)
        routes.on(.GET, .record(.organization, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.organization, id), access: write, use: update)
        routes.on(.GET, .record(.organization, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.organization, id, .delete), access: write, use: delete)
        routes.on(.POST, .record(.organization, id, .restore), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .record(.organization, id, .history), access: read, use: history)
    }

    func organizations(_ req: Request) -> Organizations { Organizations(database: req.db, language: req.localizer.language) }

    @Sendable func index(_ req: Request) async throws -> Response {
        var query = Organizations.Query()
        query.text = req.queryText("q")
        query.kind = OrganizationKind(rawValue: req.queryText("kind"))
        query.level = GovernanceLevel(rawValue: req.queryText("level"))
        query.placeID = UUID(uuidString: req.queryText("place"))
        query.sort = SortOrder(rawValue: req.queryText("sort")) ?? .name
        query.includeDeleted = req.queryText("deleted") == "1"
        query.page = req.queryPage()
        let page = try await organizations(req).list(query, by: req.actor)
        let model = OrganizationsIndexPage.Model(
            page: page, text: query.text ?? "", kind: query.kind?.rawValue ?? "", level: query.level?.rawValue ?? "",
            placeID: req.queryText("place"), sort: query.sort.rawValue, includeDeleted: query.includeDeleted,
            places: try await req.placeChoices(),
            canRestore: req.canRestore, canWrite: req.canWrite
        )
        return Pages.response(OrganizationsIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.organization))), request: req)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let data = try await organizations(req).page(req.idParameter(), by: req.actor)
        let relationship = try await Engagements(database: req.db, language: req.localizer.language)
            .history(withOrganization: data.organization.id, by: req.actor, today: req.today)
        let agreements = try await Agreements(database: req.db, language: req.localizer.language).partyTo(organizationID: data.organization.id, by: req.actor)
        let model = OrganizationPage.Model(data: data, today: req.today, canWrite: req.canWrite, canRestore: req.canRestore, relationship: relationship,
                                           agreements: agreements, recommendations: try await addressedTo(data.organization.id, req))
        return Pages.response(OrganizationPage.view(model, chrome: Pages.chrome(for: req, current: .list(.organization))), request: req)
    }

    @Sendable func new(_ req: Request) async throws -> Response { try await form(req, .init(), existing: nil) }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let org = try await organizations(req).get(req.idParameter(), by: req.actor)
        guard org.deletedAt == nil else { throw WebError.notFound }
        return try await form(req, .init(org), existing: org)
    }

    struct OrganizationForm: Content {
        var name: String?, otherNames: String?, kind: String?, level: String?, parentID: String?, placeID: String?
        var website: String?, notes: String?, version: String?

        var input: OrganizationInput {
            var input = OrganizationInput(name: name ?? "")
            input.otherNames = FormValues.list(otherNames)
            input.kind = kind ?? ""
            input.level = level
            input.parentID = FormValues.uuid(parentID)
            input.placeID = FormValues.uuid(placeID)
            input.website = website
            input.notes = notes
            return input
        }

        var values: OrganizationFormPage.Values {
            var v = OrganizationFormPage.Values()
            v.name = name ?? ""; v.otherNames = otherNames ?? ""; v.kind = kind ?? ""; v.level = level ?? ""
            v.parentID = parentID ?? ""; v.placeID = placeID ?? ""; v.website = website ?? ""; v.notes = notes ?? ""; v.version = version ?? ""
            return v
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(OrganizationForm.self)
        do {
            let org = try await organizations(req).create(form.input, by: req.actor)
            return Pages.redirect(to: .record(.organization, org.id), flash: Flash("record.created", org.name))
        } catch let error as DomainError {
            return try await self.form(req, form.values, existing: nil, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(OrganizationForm.self)
        let existing = try await organizations(req).get(id, by: req.actor)
        switch try await FormSave.run({ _ = try await organizations(req).update(id, form.input, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.organization, id), flash: Flash("record.saved"))
        case .conflict:
            var values = form.values
            values.version = String(existing.version)
            return try await self.form(req, values, existing: existing, conflict: existing)
        case .invalid(let issues):
            return try await self.form(req, form.values, existing: existing, errors: issues)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let org = try await organizations(req).get(req.idParameter(), by: req.actor)
        guard org.deletedAt == nil else { throw WebError.notFound }
        return Pages.response(RegistryViews.confirmDelete(name: org.name, action: .record(.organization, org.id, .delete), cancel: .record(.organization, org.id),
                                                          version: org.version, chrome: Pages.chrome(for: req, current: .list(.organization))), request: req)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let org = try await organizations(req).get(id, by: req.actor)
        let form = try? req.content.decode(PeopleController.VersionForm.self)
        try await organizations(req).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .list(.organization), flash: Flash("record.deleted.done", org.name))
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let org = try await organizations(req).restore(req.idParameter(), by: req.actor)
        return Pages.redirect(to: .record(.organization, org.id), flash: Flash("record.restored", org.name))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let org = try await organizations(req).get(req.idParameter(), by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: org.id)
        return Pages.response(RegistryViews.history(name: org.name, back: .record(.organization, org.id), entries: entries,
                                                    chrome: Pages.chrome(for: req, current: .list(.organization))), request: req)
    }

    private func form(_ req: Request, _ values: OrganizationFormPage.Values, existing: OrganizationRecord?, errors: [FieldIssue] = [],
                      conflict: OrganizationRecord? = nil) async throws -> Response {
        let model = OrganizationFormPage.Model(
            existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
            organizations: try await organizations(req).choices(by: req.actor),
            places: try await req.placeChoices()
        )
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(OrganizationFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.organization))), status: status, request: req)
    }
}

extension OrganizationsController {
    /// The recommendations addressed to an organisation, for its page.
    func addressedTo(_ id: UUID, _ req: Request) async throws -> [RecommendationSummary] {
        var query = Recommendations.Query()
        query.organizationID = id
        query.perPage = 200
        return try await Recommendations(database: req.db).list(query, by: req.actor).items
    }
}
