import Domain
import Features
import Vapor

/// The people pages: list, page, add, edit, delete (with confirmation), restore, history.
struct PeopleController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.person), access: read, use: index)
        routes.on(.GET, .new(.person), access: write, use: new)
        routes.on(.POST, .list(.person), access: write, use: create)
        routes.on(.GET, .record(.person, id), access: read, use: show)
        routes.on(.GET, .record(.person, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.person, id), access: write, use: update)
        routes.on(.GET, .record(.person, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.person, id, .delete), access: write, use: delete)
        routes.on(.POST, .record(.person, id, .restore), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .record(.person, id, .history), access: read, use: history)
    }

    func people(_ req: Request) -> People { People(database: req.db, language: req.localizer.language) }

    @Sendable func index(_ req: Request) async throws -> Response {
        var query = People.Query()
        query.text = req.queryText("q")
        query.communityID = UUID(uuidString: req.queryText("community"))
        query.placeID = UUID(uuidString: req.queryText("place"))
        query.sensitivity = Sensitivity(rawValue: req.queryText("sensitivity"))
        query.sort = SortOrder(rawValue: req.queryText("sort")) ?? .name
        query.includeDeleted = req.queryText("deleted") == "1"
        query.page = req.queryPage()
        let page = try await people(req).list(query, by: req.actor, today: req.today)
        let model = PeopleIndexPage.Model(
            page: page, text: query.text ?? "", communityID: req.queryText("community"), placeID: req.queryText("place"),
            sensitivity: query.sensitivity?.rawValue ?? "", sort: query.sort.rawValue, includeDeleted: query.includeDeleted,
            communities: try await req.communityChoices(),
            places: try await req.placeChoices(),
            canSeeRestricted: req.canSeeRestricted, canRestore: req.canRestore, canWrite: req.canWrite
        )
        return Pages.response(PeopleIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.person))), request: req)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let data = try await people(req).page(req.idParameter(), by: req.actor)
        let relationship = try await Engagements(database: req.db, language: req.localizer.language)
            .history(withPerson: data.person.id, by: req.actor, today: req.today)
        let agreements = try await Agreements(database: req.db, language: req.localizer.language).partyTo(personID: data.person.id, by: req.actor)
        let model = PersonPage.Model(data: data, today: req.today, canWrite: req.canWrite, canRestore: req.canRestore, organizations: [],
                                     relationship: relationship, agreements: agreements,
                                     groups: try await WorkingGroups(database: req.db).memberships(of: data.person.id, by: req.actor))
        return Pages.response(PersonPage.view(model, chrome: Pages.chrome(for: req, current: .list(.person))), request: req)
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        try await form(req, PersonFormPage.Values(), existing: nil)
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let person = try await people(req).get(req.idParameter(), by: req.actor)
        guard !person.isDeleted else { throw WebError.notFound }
        return try await form(req, PersonFormPage.Values(person), existing: person)
    }

    struct PersonForm: Content {
        var name: String?, otherNames: String?, honorific: String?, gender: String?, communityID: String?, placeID: String?
        var languages: String?, emails: String?, phones: String?, notes: String?, sensitivity: String?, lawfulBasis: String?
        var consent_stored: String?, consent_named_publicly: String?, consent_quoted: String?, consent_photographed: String?
        var consentObtainedOn: String?, consentMethod: String?, version: String?

        var input: PersonInput {
            var input = PersonInput(name: name ?? "")
            input.otherNames = FormValues.list(otherNames)
            input.honorific = honorific
            input.gender = gender
            input.communityID = FormValues.uuid(communityID)
            input.placeID = FormValues.uuid(placeID)
            input.languages = FormValues.list(languages, commas: true)
            input.emails = FormValues.list(emails, commas: true)
            input.phones = FormValues.list(phones)
            input.notes = notes
            input.sensitivity = sensitivity ?? Sensitivity.normal.rawValue
            input.lawfulBasis = lawfulBasis ?? LawfulBasis.unknown.rawValue
            let answers: [(ConsentUse, String?)] = [(.stored, consent_stored), (.namedPublicly, consent_named_publicly),
                                                    (.quoted, consent_quoted), (.photographed, consent_photographed)]
            for (use, answer) in answers { if let answer { input.consent[use] = answer } }
            input.consentObtainedOn = consentObtainedOn
            input.consentMethod = consentMethod
            return input
        }

        var values: PersonFormPage.Values {
            var values = PersonFormPage.Values()
            values.name = name ?? ""; values.otherNames = otherNames ?? ""; values.honorific = honorific ?? ""
            values.gender = gender ?? ""; values.communityID = communityID ?? ""; values.placeID = placeID ?? ""
            values.languages = languages ?? ""; values.emails = emails ?? ""; values.phones = phones ?? ""; values.notes = notes ?? ""
            values.sensitivity = sensitivity ?? Sensitivity.normal.rawValue; values.lawfulBasis = lawfulBasis ?? LawfulBasis.unknown.rawValue
            values.consent = [ConsentUse.stored.rawValue: consent_stored ?? "unknown", ConsentUse.namedPublicly.rawValue: consent_named_publicly ?? "unknown",
                              ConsentUse.quoted.rawValue: consent_quoted ?? "unknown", ConsentUse.photographed.rawValue: consent_photographed ?? "unknown"]
            values.obtainedOn = consentObtainedOn ?? ""; values.method = consentMethod ?? ""; values.version = version ?? ""
            return values
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(PersonForm.self)
        do {
            let person = try await people(req).create(form.input, by: req.actor)
            return Pages.redirect(to: .record(.person, person.id), flash: Flash("record.created", person.name))
        } catch let error as DomainError {
            return try await self.form(req, form.values, existing: nil, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(PersonForm.self)
        let existing = try await people(req).get(id, by: req.actor)
        switch try await FormSave.run({ _ = try await people(req).update(id, form.input, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.person, id), flash: Flash("record.saved"))
        case .conflict:
            // Keep what this person typed, show what the other saved, and let the next save win.
            var values = form.values
            values.version = String(existing.version)
            return try await self.form(req, values, existing: existing, conflict: existing)
        case .invalid(let issues):
            return try await self.form(req, form.values, existing: existing, errors: issues)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let person = try await people(req).get(req.idParameter(), by: req.actor)
        guard !person.isDeleted else { throw WebError.notFound }
        let html = RegistryViews.confirmDelete(name: person.name, action: .record(.person, person.id, .delete), cancel: .record(.person, person.id),
                                               version: person.version, chrome: Pages.chrome(for: req, current: .list(.person)))
        return Pages.response(html, request: req)
    }

    struct VersionForm: Content { var version: String? }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let person = try await people(req).get(id, by: req.actor)
        let form = try? req.content.decode(VersionForm.self)
        try await people(req).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .list(.person), flash: Flash("record.deleted.done", person.name))
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let person = try await people(req).restore(req.idParameter(), by: req.actor)
        return Pages.redirect(to: .record(.person, person.id), flash: Flash("record.restored", person.name))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let person = try await people(req).get(req.idParameter(), by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: person.id)
        return Pages.response(RegistryViews.history(name: person.name, back: .record(.person, person.id), entries: entries,
                                                    chrome: Pages.chrome(for: req, current: .list(.person))), request: req)
    }

    private func form(_ req: Request, _ values: PersonFormPage.Values, existing: PersonRecord?, errors: [FieldIssue] = [],
                      conflict: PersonRecord? = nil) async throws -> Response {
        let model = PersonFormPage.Model(
            existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
            communities: try await req.communityChoices(),
            places: try await req.placeChoices(),
            canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false
        )
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(PersonFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.person))), status: status, request: req)
    }
}
