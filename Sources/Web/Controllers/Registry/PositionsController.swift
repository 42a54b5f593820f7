import Domain
import Features
import Vapor

/// Adding, editing and removing positions; reached from a person's or an organisation's page.
struct PositionsController {
    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .new(.position), access: write, use: new)
        routes.on(.POST, .list(.position), access: write, use: create)
        routes.on(.GET, .record(.position, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.position, id), access: write, use: update)
        routes.on(.GET, .record(.position, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.position, id, .delete), access: write, use: delete)
    }

    struct PositionForm: Content {
        var personID: String?, organizationID: String?, title: String?, startsOn: String?, endsOn: String?, version: String?

        var values: PositionFormPage.Values {
            .init(personID: personID ?? "", organizationID: organizationID ?? "", title: title ?? "", startsOn: startsOn ?? "",
                  endsOn: endsOn ?? "", version: version ?? "")
        }

        var input: PositionInput {
            PositionInput(personID: FormValues.uuid(personID) ?? UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                          organizationID: FormValues.uuid(organizationID) ?? UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                          title: title ?? "", startsOn: startsOn, endsOn: endsOn)
        }
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        var model = PositionFormPage.Model()
        if let id = UUID(uuidString: req.queryText("person")) {
            let person = try await People(database: req.db).get(id, by: req.actor)
            model.person = RecordRef(id: person.id, name: person.name)
        }
        if let id = UUID(uuidString: req.queryText("organization")) {
            let org = try await Organizations(database: req.db).get(id, by: req.actor)
            model.organization = RecordRef(id: org.id, name: org.name)
        }
        model.personQuery = req.queryText("personq")
        model.organizationQuery = req.queryText("organizationq")
        if model.person == nil, !model.personQuery.isEmpty {
            model.personMatches = try await People(database: req.db).matching(model.personQuery, by: req.actor, today: req.today)
        }
        if model.organization == nil, !model.organizationQuery.isEmpty {
            model.organizationMatches = try await Organizations(database: req.db).matching(model.organizationQuery, by: req.actor)
        }
        return render(req, model)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(PositionForm.self)
        do {
            let position = try await Positions(database: req.db).create(form.input, by: req.actor)
            return Pages.redirect(to: .record(.person, position.person.id), flash: Flash("record.saved"))
        } catch let error as DomainError {
            var model = PositionFormPage.Model(values: form.values, errors: .init(try RegistryErrors.issues(error), text: req.localizer))
            model.person = try? await refPerson(req, form.personID)
            model.organization = try? await refOrganization(req, form.organizationID)
            return render(req, model, status: .unprocessableEntity)
        }
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let position = try await Positions(database: req.db).get(req.idParameter(), by: req.actor)
        let values = PositionFormPage.Values(personID: position.person.id.path, organizationID: position.organization.id.path, title: position.title,
                                             startsOn: position.startsOn ?? "", endsOn: position.endsOn ?? "", version: String(position.version))
        return render(req, PositionFormPage.Model(existing: position, values: values, person: position.person, organization: position.organization))
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let existing = try await Positions(database: req.db).get(id, by: req.actor)
        let form = try req.content.decode(PositionForm.self)
        var input = form.input
        input.personID = existing.person.id
        do {
            _ = try await Positions(database: req.db).update(id, input, expectedVersion: FormValues.int(form.version), by: req.actor)
            return Pages.redirect(to: .record(.person, existing.person.id), flash: Flash("record.saved"))
        } catch let error as DomainError {
            var issues: [FieldIssue]
            switch error {
            case .versionConflict, .versionRequired: issues = [FieldIssue(field: "title", "record.conflict")]
            default: issues = try RegistryErrors.issues(error)
            }
            let model = PositionFormPage.Model(existing: existing, values: form.values, errors: .init(issues, text: req.localizer),
                                               person: existing.person, organization: existing.organization)
            return render(req, model, status: .unprocessableEntity)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let position = try await Positions(database: req.db).get(req.idParameter(), by: req.actor)
        let name = "\(position.title) · \(position.organization.name) (\(position.person.name))"
        return Pages.response(RegistryViews.confirmDelete(name: name, action: .record(.position, position.id, .delete), cancel: .record(.person, position.person.id),
                                                          version: position.version, chrome: Pages.chrome(for: req, current: .list(.person))), request: req)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let existing = try await Positions(database: req.db).get(id, by: req.actor)
        let form = try? req.content.decode(PeopleController.VersionForm.self)
        try await Positions(database: req.db).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .record(.person, existing.person.id), flash: Flash("positions.removed"))
    }

    private func refPerson(_ req: Request, _ raw: String?) async throws -> RecordRef? {
        guard let id = FormValues.uuid(raw) else { return nil }
        let person = try await People(database: req.db).get(id, by: req.actor)
        return RecordRef(id: person.id, name: person.name)
    }

    private func refOrganization(_ req: Request, _ raw: String?) async throws -> RecordRef? {
        guard let id = FormValues.uuid(raw) else { return nil }
        let org = try await Organizations(database: req.db).get(id, by: req.actor)
        return RecordRef(id: org.id, name: org.name)
    }

    private func render(_ req: Request, _ model: PositionFormPage.Model, status: HTTPResponseStatus = .ok) -> Response {
        Pages.response(PositionFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.person))), status: status, request: req)
    }
}
