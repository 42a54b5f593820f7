import Domain
import Features
import Foundation
import Vapor

/// Context event pages: the list, one event, record, edit, delete, restore, history.
struct ContextEventsController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.contextEvent), access: read, use: index)
        routes.on(.GET, .new(.contextEvent), access: write, use: new)
        routes.on(.POST, .list(.contextEvent), access: write, use: create)
        routes.on(.GET, .record(.contextEvent, id), access: read, use: show)
        routes.on(.GET, .record(.contextEvent, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.contextEvent, id), access: write, use: update)
        routes.on(.GET, .record(.contextEvent, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.contextEvent, id, .delete), access: write, use: delete)
        routes.on(.POST, .record(.contextEvent, id, .restore), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .record(.contextEvent, id, .history), access: read, use: history)
    }

    func events(_ req: Request) -> ContextEvents { ContextEvents(database: req.db, language: req.localizer.language) }

    @Sendable func index(_ req: Request) async throws -> Response {
        var query = ContextEvents.Query()
        var issues: [FieldIssue] = []
        query.kind = ContextEventKind(rawValue: req.queryText("kind"))
        query.placeID = UUID(uuidString: req.queryText("place"))
        for field in ["from", "to"] where !req.queryText(field).isEmpty {
            guard let day = Day(req.queryText(field)) else { issues.append(FieldIssue(field: field, "date.invalid")); continue }
            if field == "from" { query.from = day } else { query.to = day }
        }
        query.page = req.queryPage()
        let page = try await events(req).list(query, by: req.actor)
        let model = ContextPages.IndexModel(page: page, kind: query.kind?.rawValue ?? "", placeID: req.queryText("place"), from: req.queryText("from"),
                                            to: req.queryText("to"), places: try await req.placeChoices(), canWrite: req.canWrite,
                                            errors: .init(issues, text: req.localizer))
        return Pages.response(ContextPages.index(model, chrome: Pages.chrome(for: req, current: .list(.contextEvent))),
                              status: issues.isEmpty ? .ok : .unprocessableEntity, request: req)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let event = try await events(req).get(req.idParameter(), by: req.actor)
        let model = ContextPages.Model(event: event, canWrite: req.canWrite, canRestore: req.canRestore)
        return Pages.response(ContextPages.page(model, chrome: Pages.chrome(for: req, current: .list(.contextEvent))), request: req)
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        try await form(req, ContextPages.Values(), existing: nil)
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let event = try await events(req).get(req.idParameter(), by: req.actor)
        guard !event.summary.isDeleted else { throw WebError.notFound }
        return try await form(req, ContextPages.Values(event), existing: event)
    }

    struct EventForm: Content {
        var title: String?, kind: String?, severity: String?, startsOn: String?, endsOn: String?, description: String?, sourceURL: String?
        var confidentiality: String?, placeIDs: [String]?, version: String?

        var input: ContextEventInput {
            var input = ContextEventInput(title: title ?? "", kind: kind ?? "", severity: severity ?? "", startsOn: startsOn ?? "")
            input.endsOn = endsOn
            input.description = description
            input.sourceURL = sourceURL
            input.confidentiality = confidentiality ?? ""
            input.placeIDs = (placeIDs ?? []).compactMap(FormValues.uuid)
            return input
        }

        var values: ContextPages.Values {
            var values = ContextPages.Values()
            values.title = title ?? ""; values.kind = kind ?? ""; values.severity = severity ?? ""; values.startsOn = startsOn ?? ""
            values.endsOn = endsOn ?? ""; values.description = description ?? ""; values.sourceURL = sourceURL ?? ""
            values.confidentiality = confidentiality ?? ""; values.placeIDs = placeIDs ?? []; values.version = version ?? ""
            return values
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(EventForm.self)
        do {
            let event = try await events(req).create(form.input, by: req.actor)
            return Pages.redirect(to: .record(.contextEvent, event.id), flash: Flash("record.created", event.summary.title))
        } catch let error as DomainError {
            return try await self.form(req, form.values, existing: nil, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(EventForm.self)
        let existing = try await events(req).get(id, by: req.actor)
        switch try await FormSave.run({ _ = try await events(req).update(id, form.input, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.contextEvent, id), flash: Flash("record.saved"))
        case .conflict:
            var values = form.values
            values.version = String(existing.version)
            return try await self.form(req, values, existing: existing, conflict: existing)
        case .invalid(let issues):
            return try await self.form(req, form.values, existing: existing, errors: issues)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let event = try await events(req).get(req.idParameter(), by: req.actor)
        guard !event.summary.isDeleted else { throw WebError.notFound }
        return Pages.response(RegistryViews.confirmDelete(name: event.summary.title, action: .record(.contextEvent, event.id, .delete), cancel: .record(.contextEvent, event.id),
                                                          version: event.version, chrome: Pages.chrome(for: req, current: .list(.contextEvent))), request: req)
    }

    struct VersionForm: Content { var version: String? }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let event = try await events(req).get(id, by: req.actor)
        let form = try? req.content.decode(VersionForm.self)
        try await events(req).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .list(.contextEvent), flash: Flash("record.deleted.done", event.summary.title))
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let event = try await events(req).restore(req.idParameter(), by: req.actor)
        return Pages.redirect(to: .record(.contextEvent, event.id), flash: Flash("record.restored", event.summary.title))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let event = try await events(req).get(req.idParameter(), by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: event.id)
        return Pages.response(RegistryViews.history(name: event.summary.title, back: .record(.contextEvent, event.id), entries: entries,
                                                    chrome: Pages.chrome(for: req, current: .list(.contextEvent))), request: req)
    }

    private func form(_ req: Request, _ values: ContextPages.Values, existing: ContextEventRecord?, errors: [FieldIssue] = [],
                      conflict: ContextEventRecord? = nil) async throws -> Response {
        let model = ContextPages.FormModel(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                           places: try await req.placeChoices(),
                                           canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false)
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(ContextPages.form(model, chrome: Pages.chrome(for: req, current: .list(.contextEvent))), status: status, request: req)
    }
}
