import Domain
import Features
import Foundation
import Vapor

/// Who does what where: the matrix, the HXL CSV, one activity, add, edit, delete, restore, history.
struct CoordinationController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.coordination), access: read, use: index)
        routes.on(.GET, .coordinationExport, access: read, use: export)
        routes.on(.GET, .new(.coordination), access: write, use: new)
        routes.on(.POST, .list(.coordination), access: write, use: create)
        routes.on(.GET, .record(.coordination, id), access: read, use: show)
        routes.on(.GET, .record(.coordination, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.coordination, id), access: write, use: update)
        routes.on(.GET, .record(.coordination, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.coordination, id, .delete), access: write, use: delete)
        routes.on(.POST, .record(.coordination, id, .restore), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .record(.coordination, id, .history), access: read, use: history)
    }

    func coordination(_ req: Request) -> Coordination { Coordination(database: req.db, language: req.localizer.language) }

    /// The place and period filters (bad days are reported at their field).
    static func query(_ req: Request) -> (Coordination.Query, [FieldIssue]) {
        var query = Coordination.Query()
        var issues: [FieldIssue] = []
        query.placeID = UUID(uuidString: req.queryText("place"))
        for field in ["from", "to"] where !req.queryText(field).isEmpty {
            guard let day = Day(req.queryText(field)) else { issues.append(FieldIssue(field: field, "date.invalid")); continue }
            if field == "from" { query.from = day } else { query.to = day }
        }
        return (query, issues)
    }

    @Sendable func index(_ req: Request) async throws -> Response {
        let (query, issues) = Self.query(req)
        let matrix = try await coordination(req).matrix(query, by: req.actor)
        let model = CoordinationPages.IndexModel(matrix: matrix, placeID: req.queryText("place"), from: req.queryText("from"), to: req.queryText("to"),
                                                 places: try await req.placeChoices(), canWrite: req.canWrite, errors: .init(issues, text: req.localizer))
        return Pages.response(CoordinationPages.index(model, chrome: Pages.chrome(for: req, current: .list(.coordination))),
                              status: issues.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    /// The same activities as CSV with HXL hashtags under the header row, for humanitarian coordination tools.
    @Sendable func export(_ req: Request) async throws -> Response {
        let (query, issues) = Self.query(req)
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        let rows = try await coordination(req).hxlRows(query, by: req.actor)
        return Response(status: .ok, headers: [
            "Content-Type": "text/csv; charset=utf-8",
            "Content-Disposition": "attachment; filename=\"who-does-what-where.csv\"",
            "Cache-Control": "private, no-store",
        ], body: .init(string: CSV.document(rows)))
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let activity = try await coordination(req).get(req.idParameter(), by: req.actor)
        let model = CoordinationPages.Model(activity: activity, canWrite: req.canWrite, canRestore: req.canRestore)
        return Pages.response(CoordinationPages.page(model, chrome: Pages.chrome(for: req, current: .list(.coordination))), request: req)
    }

    @Sendable func new(_ req: Request) async throws -> Response { try await form(req, CoordinationPages.Values(), existing: nil) }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let activity = try await coordination(req).get(req.idParameter(), by: req.actor)
        guard !activity.isDeleted else { throw WebError.notFound }
        return try await form(req, CoordinationPages.Values(activity), existing: activity)
    }

    struct ActivityForm: Content {
        var organization: String?, theme: String?, startsOn: String?, endsOn: String?, placeIDs: [String]?, contact: String?, notes: String?
        var version: String?

        var values: CoordinationPages.Values {
            var values = CoordinationPages.Values()
            values.organization = organization ?? ""; values.theme = theme ?? ""; values.startsOn = startsOn ?? ""; values.endsOn = endsOn ?? ""
            values.placeIDs = placeIDs ?? []; values.contact = contact ?? ""; values.notes = notes ?? ""; values.version = version ?? ""
            return values
        }

        func input(lookup: NameLookup, actor: Actor, existing: CoordinationRecord?) async throws -> (CoordinationInput, [FieldIssue]) {
            var input = CoordinationInput(organizationID: nil, theme: theme ?? "")
            input.startsOn = startsOn
            input.endsOn = endsOn
            input.placeIDs = (placeIDs ?? []).compactMap(FormValues.uuid)
            input.notes = notes
            var issues: [FieldIssue] = []
            if let name = organization?.trimmingWhitespace(), !name.isEmpty {
                switch try await lookup.resolveOrganization(name, field: "organizationID", by: actor, preferring: Set(existing.map { [$0.organization.id] } ?? [])) {
                case .found(let ref): input.organizationID = ref.id
                case .problem(let issue): issues.append(issue)
                }
            }
            if let name = contact?.trimmingWhitespace(), !name.isEmpty {
                switch try await lookup.resolvePerson(name, field: "contactPersonID", by: actor, preferring: Set(existing?.contact.map { [$0.id] } ?? [])) {
                case .found(let ref): input.contactPersonID = ref.id
                case .problem(let issue): issues.append(issue)
                }
            }
            return (input, issues)
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(ActivityForm.self)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, existing: nil)
        if !typed.isEmpty { return try await self.form(req, form.values, existing: nil, errors: typed) }
        do {
            let activity = try await coordination(req).create(input, by: req.actor)
            return Pages.redirect(to: .record(.coordination, activity.id), flash: Flash("record.created", activity.theme))
        } catch let error as DomainError {
            return try await self.form(req, form.values, existing: nil, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(ActivityForm.self)
        let existing = try await coordination(req).get(id, by: req.actor)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, existing: existing)
        if !typed.isEmpty { return try await self.form(req, form.values, existing: existing, errors: typed) }
        switch try await FormSave.run({ _ = try await coordination(req).update(id, input, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.coordination, id), flash: Flash("record.saved"))
        case .conflict:
            var values = form.values
            values.version = String(existing.version)
            return try await self.form(req, values, existing: existing, conflict: existing)
        case .invalid(let issues):
            return try await self.form(req, form.values, existing: existing, errors: issues)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let activity = try await coordination(req).get(req.idParameter(), by: req.actor)
        guard !activity.isDeleted else { throw WebError.notFound }
        return Pages.response(RegistryViews.confirmDelete(name: activity.theme, action: .record(.coordination, activity.id, .delete), cancel: .record(.coordination, activity.id),
                                                          version: activity.version, chrome: Pages.chrome(for: req, current: .list(.coordination))), request: req)
    }

    struct VersionForm: Content { var version: String? }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let activity = try await coordination(req).get(id, by: req.actor)
        let form = try? req.content.decode(VersionForm.self)
        try await coordination(req).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .list(.coordination), flash: Flash("record.deleted.done", activity.theme))
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let activity = try await coordination(req).restore(req.idParameter(), by: req.actor)
        return Pages.redirect(to: .record(.coordination, activity.id), flash: Flash("record.restored", activity.theme))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let activity = try await coordination(req).get(req.idParameter(), by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: activity.id)
        return Pages.response(RegistryViews.history(name: activity.theme, back: .record(.coordination, activity.id), entries: entries,
                                                    chrome: Pages.chrome(for: req, current: .list(.coordination))), request: req)
    }

    private func form(_ req: Request, _ values: CoordinationPages.Values, existing: CoordinationRecord?, errors: [FieldIssue] = [],
                      conflict: CoordinationRecord? = nil) async throws -> Response {
        let model = CoordinationPages.FormModel(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                                places: try await req.placeChoices())
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(CoordinationPages.form(model, chrome: Pages.chrome(for: req, current: .list(.coordination))), status: status, request: req)
    }
}
