import Domain
import Features
import Vapor

/// Adding, editing and removing positions; reached from a person's or an organisation's page.
struct PositionsController: RecordPages {
    static let resource = Resource.position
    /// Positions are found from people's pages.
    static var section: SiteURL { .list(.person) }

    func register(_ routes: any RoutesBuilder) { RecordActions(self).register(routes) }

    func kind(_ req: Request) -> Positions { Positions(database: req.db) }

    func showPage(_ req: Request, id: UUID) async throws -> String {
        let position = try await kind(req).get(id, by: req.actor)
        return PositionPage.view(.init(position: position, canWrite: req.canWrite, canRestore: req.canRestore), chrome: chrome(req))
    }

    /// A position is shown on its person's page.
    func location(of position: PositionRecord) -> SiteURL { .record(.person, position.person.id) }

    func afterDelete(_ position: PositionRecord) -> (SiteURL, Flash) { (.record(.person, position.person.id), Flash("positions.removed")) }

    func values(of position: PositionRecord, _ req: Request) -> PositionFormPage.Values {
        PositionFormPage.Values(personID: position.person.id.path, organizationID: position.organization.id.path, title: position.title,
                                startsOn: position.startsOn ?? "", endsOn: position.endsOn ?? "", version: String(position.version))
    }

    /// A position stays with its person.
    func input(_ form: PositionForm, existing: PositionRecord?, _ req: Request) async throws -> (PositionInput, [FieldIssue]) {
        var input = form.input
        if let existing { input.personID = existing.person.id }
        return (input, [])
    }

    func formPage(_ req: Request, _ values: PositionFormPage.Values, existing: PositionRecord?, errors: [FieldIssue],
                  conflict: PositionRecord?) async throws -> String {
        let issues = conflict == nil ? errors : errors + [FieldIssue(field: "title", "record.conflict")]
        var model = PositionFormPage.Model(existing: existing, values: values, errors: .init(issues, text: req.localizer))
        model.person = try await existing.map(\.person).asyncOrNil { try await refPerson(req, values.personID) }
        model.organization = try await existing.map(\.organization).asyncOrNil { try await refOrganization(req, values.organizationID) }
        return PositionFormPage.view(model, chrome: chrome(req))
    }

    struct PositionForm: Content, PostedForm {
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

    /// Started from a person or an organisation, or with names to find them by (a GET that keeps what was typed).
    func newForm(_ req: Request) async throws -> Response {
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

    func refPerson(_ req: Request, _ raw: String?) async throws -> RecordRef? {
        guard let id = FormValues.uuid(raw) else { return nil }
        let person = try await People(database: req.db).get(id, by: req.actor)
        return RecordRef(id: person.id, name: person.name)
    }

    func refOrganization(_ req: Request, _ raw: String?) async throws -> RecordRef? {
        guard let id = FormValues.uuid(raw) else { return nil }
        let org = try await Organizations(database: req.db).get(id, by: req.actor)
        return RecordRef(id: org.id, name: org.name)
    }

    private func render(_ req: Request, _ model: PositionFormPage.Model) -> Response {
        Pages.response(PositionFormPage.view(model, chrome: chrome(req)), request: req)
    }
}

extension Optional {
    /// The value, or what `fallback` finds when there is none.
    func asyncOrNil(_ fallback: () async throws -> Wrapped?) async rethrows -> Wrapped? {
        if let value = self { return value }
        return try await fallback()
    }
}
