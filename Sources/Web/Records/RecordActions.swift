import Domain
import Features
import Foundation
import Vapor

/// The record actions every kind shares on the site: new, create, show, edit, update, confirm delete,
/// delete, restore, history. Deleted records are found only by those who may restore them (decided in
/// `RecordKind.find`); editing and deleting a deleted record is not found for everyone.
struct RecordActions<P: RecordPages>: Sendable {
    let pages: P

    init(_ pages: P) { self.pages = pages }

    /// The record routes; with `index`, also the kind's list page at its own address, which anyone who may
    /// read records may open (the kind leaves out what the reader may not see).
    func register(_ routes: any RoutesBuilder, index: (@Sendable (Request) async throws -> Response)? = nil) {
        let id = RouteParameter.id, resource = P.resource
        let read = P.readAccess, write = Access.permission(P.Kind.writePermission)
        if let index { routes.on(.GET, .list(resource), access: .permission(.readRecords), use: index) }
        routes.on(.GET, .new(resource), access: write, use: new)
        routes.on(.POST, .list(resource), access: write, use: create)
        routes.on(.GET, .record(resource, id), access: read, use: show)
        routes.on(.GET, .record(resource, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(resource, id), access: write, use: update)
        routes.on(.GET, .record(resource, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(resource, id, .delete), access: write, use: delete)
        routes.on(.POST, .record(resource, id, .restore), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .record(resource, id, .history), access: read, use: history)
    }

    @Sendable func new(_ req: Request) async throws -> Response { try await pages.newForm(req) }

    @Sendable func show(_ req: Request) async throws -> Response {
        Pages.response(try await pages.showPage(req, id: req.idParameter()), request: req)
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let record = try await pages.kind(req).getLive(req.idParameter(), by: req.actor)
        return try await form(req, pages.values(of: record, req), existing: record)
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try pages.decode(req)
        let (input, typed) = try await pages.input(form, existing: nil, req)
        guard typed.isEmpty else { return try await self.form(req, pages.values(of: form), existing: nil, errors: typed) }
        // A form opened once and sent twice (a double tap, the back button, a resend from the device) saves once.
        let capture = try CaptureRequest.form(req)
        switch try await SaveOutcome.of({ try await pages.kind(req).create(input, by: req.actor, capture: capture) }) {
        case .saved(let record): return Pages.redirect(to: pages.location(of: record), flash: Flash("record.created", record.label))
        case .invalid(let issues): return try await self.form(req, pages.values(of: form), existing: nil, errors: issues)
        case .conflict: throw DomainError.versionRequired
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let kind = pages.kind(req)
        let existing = try await kind.getLive(id, by: req.actor)
        let form = try pages.decode(req)
        let (input, typed) = try await pages.input(form, existing: existing, req)
        guard typed.isEmpty else { return try await self.form(req, pages.values(of: form), existing: existing, errors: typed) }
        let typedVersion = Int(pages.values(of: form).version.trimmingCharacters(in: .whitespaces))
        switch try await SaveOutcome.of({ try await kind.update(id, input, expectedVersion: typedVersion, by: req.actor) }) {
        case .saved(let record):
            return Pages.redirect(to: pages.location(of: record), flash: Flash("record.saved"))
        case .conflict:
            // Keep what this person typed, show what the other saved, and let the next save win.
            let current = try await kind.getLive(id, by: req.actor)
            var values = pages.values(of: form)
            values.version = String(current.version)
            return try await self.form(req, values, existing: current, conflict: current)
        case .invalid(let issues):
            return try await self.form(req, pages.values(of: form), existing: existing, errors: issues)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let record = try await pages.kind(req).getLive(req.idParameter(), by: req.actor)
        let id = record.id, resource = P.resource
        let model = ConfirmDeletePage.Model(name: record.label, action: .record(resource, id, .delete),
                                            cancel: pages.location(of: record), version: record.version)
        return Pages.response(ConfirmDeletePage.view(model, chrome: pages.chrome(req)), request: req)
    }

    struct VersionForm: Content { var version: String? }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let kind = pages.kind(req)
        let record = try await kind.getLive(id, by: req.actor)
        let form = try? req.content.decode(VersionForm.self)
        try await kind.delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        let (location, flash) = pages.afterDelete(record)
        return Pages.redirect(to: location, flash: flash)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let record = try await pages.kind(req).restore(req.idParameter(), by: req.actor)
        return Pages.redirect(to: pages.location(of: record), flash: Flash("record.restored", record.label))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let history = try await pages.kind(req).history(req.idParameter(), by: req.actor, language: req.localizer.tag)
        let model = RecordHistoryPage.Model(name: history.record.label, back: pages.location(of: history.record),
                                            entries: history.entries, names: history.names)
        return Pages.response(RecordHistoryPage.view(model, chrome: pages.chrome(req)), request: req)
    }

    private func form(_ req: Request, _ values: P.Values, existing: P.Kind.Record?, errors: [FieldIssue] = [],
                      conflict: P.Kind.Record? = nil) async throws -> Response {
        let html = try await pages.formPage(req, values, existing: existing, errors: errors, conflict: conflict)
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(html, status: status, request: req)
    }
}

/// What became of a save from a form.
enum SaveOutcome<Record> {
    case saved(Record)
    /// Someone else saved a newer version: show theirs beside what this user typed.
    case conflict
    /// Mistakes to show next to their fields.
    case invalid([FieldIssue])

    /// Runs a save; errors that are neither a stale version nor field issues go to the error page.
    static func of(_ save: () async throws -> Record) async throws -> SaveOutcome {
        do {
            return .saved(try await save())
        } catch let error as DomainError {
            switch error {
            case .versionConflict, .versionRequired: return .conflict
            default: return .invalid(try RegistryErrors.issues(error))
            }
        }
    }
}
