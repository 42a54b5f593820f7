import Domain
import Features
import Vapor

/// Places and communities: the geography and the communities a deployment works with.
struct PlacesController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.place), access: read, use: index)
        routes.on(.GET, .new(.place), access: write, use: new)
        routes.on(.POST, .list(.place), access: write, use: create)
        routes.on(.GET, .record(.place, id), access: read, use: show)
        routes.on(.GET, .record(.place, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.place, id), access: write, use: update)
        routes.on(.GET, .record(.place, id, .history), access: read, use: history)
        routes.on(.GET, .record(.place, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.place, id, .delete), access: write, use: delete)
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let place = try await places(req).get(req.idParameter(), by: req.actor)
        return Pages.response(RegistryViews.confirmDelete(name: place.name, action: .record(.place, place.id, .delete), cancel: .record(.place, place.id),
                                                          version: place.version, chrome: Pages.chrome(for: req, current: .list(.place))), request: req)
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let place = try await places(req).get(id, by: req.actor)
        let form = try? req.content.decode(PeopleController.VersionForm.self)
        try await places(req).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .list(.place), flash: Flash("record.deleted.done", place.name))
    }

    func places(_ req: Request) -> Places { Places(database: req.db, language: req.localizer.language) }

    @Sendable func index(_ req: Request) async throws -> Response {
        let text = req.queryText("q"), kind = req.queryText("kind")
        let page = try await places(req).list(text: text, kind: PlaceKind(rawValue: kind), parentID: nil, page: req.queryPage(), by: req.actor)
        let model = PlacesIndexPage.Model(page: page, text: text, kind: PlaceKind(rawValue: kind)?.rawValue ?? "", canWrite: req.canWrite)
        return Pages.response(PlacesIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.place))), request: req)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let data = try await places(req).page(req.idParameter(), by: req.actor)
        var query = Engagements.Query()
        query.placeID = data.place.id
        query.perPage = 10
        let engagements = try await Engagements(database: req.db, language: req.localizer.language).list(query, by: req.actor)
        // What happened here over the same days as the engagements shown.
        let since = engagements.hasMore ? engagements.items.compactMap { Day(String($0.start.prefix(10))) }.min() : nil
        let context = try await ContextEvents(database: req.db, language: req.localizer.language)
            .during(from: since, to: nil, placeIDs: [data.place.id], limit: 20, by: req.actor)
        return Pages.response(PlacePage.view(.init(data: data, canWrite: req.canWrite, engagements: engagements, context: context),
                                             chrome: Pages.chrome(for: req, current: .list(.place))), request: req)
    }

    @Sendable func new(_ req: Request) async throws -> Response { try await form(req, .init(), existing: nil) }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let place = try await places(req).get(req.idParameter(), by: req.actor)
        var values = PlaceFormPage.Values()
        values.kind = place.kind
        values.parentID = place.parent?.id.path ?? ""
        values.latitude = place.latitude.map { String($0) } ?? ""
        values.longitude = place.longitude.map { String($0) } ?? ""
        values.version = String(place.version)
        values.names = place.names.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return try await form(req, values, existing: place)
    }

    /// The form's fields, with the name rows read from `language0`/`name0` … pairs.
    struct PlaceForm {
        var values = PlaceFormPage.Values()
        var latitudeIssue = false
        var longitudeIssue = false

        init(_ req: Request) throws {
            let fields = try req.content.decode([String: String].self)
            values.kind = fields["kind"] ?? ""
            values.parentID = fields["parentID"] ?? ""
            values.latitude = fields["latitude"] ?? ""
            values.longitude = fields["longitude"] ?? ""
            values.version = fields["version"] ?? ""
            for index in 0..<50 {
                let language = fields["language\(index)"]?.trimmingCharacters(in: .whitespaces) ?? ""
                let name = fields["name\(index)"]?.trimmingCharacters(in: .whitespaces) ?? ""
                if !language.isEmpty || !name.isEmpty { values.names.append((language, name)) }
            }
        }

        func input() throws -> PlaceInput {
            var issues: [FieldIssue] = []
            let latitude = FormValues.double(values.latitude), longitude = FormValues.double(values.longitude)
            if latitude == nil { issues.append(FieldIssue(field: "latitude", "place.latitude")) }
            if longitude == nil { issues.append(FieldIssue(field: "longitude", "place.longitude")) }
            if values.names.contains(where: { $0.0.isEmpty || $0.1.isEmpty }) { issues.append(FieldIssue(field: "names", "place.nameRequired")) }
            if !issues.isEmpty { throw DomainError.invalid(issues) }
            return PlaceInput(kind: values.kind, parentID: FormValues.uuid(values.parentID),
                              names: Dictionary(values.names, uniquingKeysWith: { a, _ in a }), latitude: latitude ?? nil, longitude: longitude ?? nil)
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try PlaceForm(req)
        do {
            let place = try await places(req).create(try form.input(), by: req.actor)
            return Pages.redirect(to: .record(.place, place.id), flash: Flash("record.created", place.name))
        } catch let error as DomainError {
            return try await self.form(req, form.values, existing: nil, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let existing = try await places(req).get(id, by: req.actor)
        let form = try PlaceForm(req)
        switch try await FormSave.run({ _ = try await places(req).update(id, try form.input(), expectedVersion: FormValues.int(form.values.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.place, id), flash: Flash("record.saved"))
        case .conflict:
            var values = form.values
            values.version = String(existing.version)
            return try await self.form(req, values, existing: existing, conflict: existing)
        case .invalid(let issues):
            return try await self.form(req, form.values, existing: existing, errors: issues)
        }
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let place = try await places(req).get(req.idParameter(), by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: place.id)
        return Pages.response(RegistryViews.history(name: place.name, back: .record(.place, place.id), entries: entries,
                                                    chrome: Pages.chrome(for: req, current: .list(.place))), request: req)
    }

    private func form(_ req: Request, _ values: PlaceFormPage.Values, existing: PlaceRecord?, errors: [FieldIssue] = [],
                      conflict: PlaceRecord? = nil) async throws -> Response {
        let model = PlaceFormPage.Model(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                        places: try await req.placeChoices())
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(PlaceFormPage.view(model, chrome: Pages.chrome(for: req, current: .list(.place))), status: status, request: req)
    }
}

/// Communities, defined by administrators.
struct CommunitiesController {
    func register(_ routes: any RoutesBuilder) {
        let settings = Access.permission(.manageSettings)
        routes.on(.GET, .list(.community), access: settings, use: index)
        routes.on(.POST, .list(.community), access: settings, use: create)
        routes.on(.GET, .record(.community, RouteParameter.id), access: settings, use: edit)
        routes.on(.POST, .record(.community, RouteParameter.id), access: settings, use: update)
    }

    struct CommunityForm: Content {
        var name: String?, status: String?, regionID: String?, notes: String?, version: String?
        var input: CommunityInput { CommunityInput(name: name ?? "", status: status ?? "", regionID: FormValues.uuid(regionID), notes: notes) }
        var values: (name: String, status: String, regionID: String, notes: String, version: String) {
            (name ?? "", status ?? "", regionID ?? "", notes ?? "", version ?? "")
        }
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        try await render(req, editing: nil, values: ("", CommunityStatus.nonMajority.rawValue, "", "", ""))
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let community = try await Communities(database: req.db).get(req.idParameter(), by: req.actor)
        return try await render(req, editing: community, values: (community.name, community.status, community.region?.id.path ?? "", community.notes ?? "", String(community.version)))
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(CommunityForm.self)
        do {
            let community = try await Communities(database: req.db).create(form.input, by: req.actor)
            return Pages.redirect(to: .list(.community), flash: Flash("record.created", community.name))
        } catch let error as DomainError {
            return try await render(req, editing: nil, values: form.values, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let existing = try await Communities(database: req.db).get(id, by: req.actor)
        let form = try req.content.decode(CommunityForm.self)
        do {
            _ = try await Communities(database: req.db).update(id, form.input, expectedVersion: FormValues.int(form.version), by: req.actor)
            return Pages.redirect(to: .list(.community), flash: Flash("record.saved"))
        } catch let error as DomainError {
            var issues: [FieldIssue]
            switch error {
            case .versionConflict, .versionRequired: issues = [FieldIssue(field: "name", "record.conflict")]
            default: issues = try RegistryErrors.issues(error)
            }
            var values = form.values
            values.version = String(existing.version)
            return try await render(req, editing: existing, values: values, errors: issues)
        }
    }

    private func render(_ req: Request, editing: CommunityRecord?, values: (name: String, status: String, regionID: String, notes: String, version: String),
                        errors: [FieldIssue] = []) async throws -> Response {
        let model = CommunitiesPage.Model(
            communities: try await Communities(database: req.db, language: req.localizer.language).list(by: req.actor), editing: editing,
            values: values, errors: .init(errors, text: req.localizer),
            regions: try await req.placeChoices()
        )
        return Pages.response(CommunitiesPage.view(model, chrome: Pages.chrome(for: req, current: .list(.community))),
                              status: errors.isEmpty ? .ok : .unprocessableEntity, request: req)
    }
}
