import Domain
import Features
import Foundation
import Vapor

/// Field visit pages: list, one visit with its engagements in order, add, edit, delete, restore, history.
struct VisitsController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.visit), access: read, use: index)
        routes.on(.GET, .new(.visit), access: write, use: new)
        routes.on(.POST, .list(.visit), access: write, use: create)
        routes.on(.GET, .record(.visit, id), access: read, use: show)
        routes.on(.GET, .record(.visit, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.visit, id), access: write, use: update)
        routes.on(.GET, .record(.visit, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.visit, id, .delete), access: write, use: delete)
        routes.on(.POST, .record(.visit, id, .restore), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .record(.visit, id, .history), access: read, use: history)
    }

    func visits(_ req: Request) -> FieldVisits { FieldVisits(database: req.db, language: req.localizer.language) }

    @Sendable func index(_ req: Request) async throws -> Response {
        let page = try await visits(req).list(page: req.queryPage(), by: req.actor)
        return Pages.response(VisitPages.index(page, canWrite: req.canWrite, chrome: Pages.chrome(for: req, current: .list(.visit))), request: req)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let visit = try await visits(req).get(req.idParameter(), by: req.actor)
        var query = Engagements.Query()
        query.visitID = visit.id
        query.chronological = true
        query.perPage = 200
        let engagements = try await Engagements(database: req.db, language: req.localizer.language).list(query, by: req.actor).items
        let context = try await ContextEvents(database: req.db, language: req.localizer.language)
            .during(from: visit.summary.startsOn, to: visit.summary.endsOn, limit: 50, by: req.actor)
        let model = VisitPages.Model(visit: visit, engagements: engagements, context: context, canWrite: req.canWrite, canRestore: req.canRestore)
        return Pages.response(VisitPages.page(model, chrome: Pages.chrome(for: req, current: .list(.visit))), request: req)
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        try await form(req, VisitPages.Values(), existing: nil)
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let visit = try await visits(req).get(req.idParameter(), by: req.actor)
        guard !visit.summary.isDeleted else { throw WebError.notFound }
        return try await form(req, VisitPages.Values(visit), existing: visit)
    }

    struct VisitForm: Content {
        var title: String?, purpose: String?, startsOn: String?, endsOn: String?, status: String?, summary: String?, version: String?
        var placeIDs: [String]?, userIDs: [String]?, people: String?

        /// The input, with the delegation's people found by the names typed (problems by field).
        func input(lookup: NameLookup, actor: Actor, existing: FieldVisitRecord?) async throws -> (FieldVisitInput, [FieldIssue]) {
            var input = FieldVisitInput(title: title ?? "", startsOn: startsOn ?? "", endsOn: endsOn ?? "")
            input.purpose = purpose
            input.status = status ?? ""
            input.summary = summary
            input.placeIDs = (placeIDs ?? []).compactMap(FormValues.uuid)
            input.memberUserIDs = (userIDs ?? []).compactMap(FormValues.uuid)
            let found = try await lookup.resolvePeople(FormValues.list(people), field: "memberPersonIDs", by: actor,
                                                       preferring: Set((existing?.people ?? []).map(\.id)))
            input.memberPersonIDs = found.ids
            return (input, found.issues)
        }

        var values: VisitPages.Values {
            var values = VisitPages.Values()
            values.title = title ?? ""; values.purpose = purpose ?? ""; values.startsOn = startsOn ?? ""; values.endsOn = endsOn ?? ""
            values.status = status ?? ""; values.summary = summary ?? ""; values.version = version ?? ""
            values.placeIDs = placeIDs ?? []; values.userIDs = userIDs ?? []; values.people = people ?? ""
            return values
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(VisitForm.self)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, existing: nil)
        if !typed.isEmpty { return try await self.form(req, form.values, existing: nil, errors: typed) }
        do {
            let visit = try await visits(req).create(input, by: req.actor)
            return Pages.redirect(to: .record(.visit, visit.id), flash: Flash("record.created", visit.summary.title))
        } catch let error as DomainError {
            return try await self.form(req, form.values, existing: nil, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(VisitForm.self)
        let existing = try await visits(req).get(id, by: req.actor)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, existing: existing)
        if !typed.isEmpty { return try await self.form(req, form.values, existing: existing, errors: typed) }
        switch try await FormSave.run({ _ = try await visits(req).update(id, input, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.visit, id), flash: Flash("record.saved"))
        case .conflict:
            var values = form.values
            values.version = String(existing.version)
            return try await self.form(req, values, existing: existing, conflict: existing)
        case .invalid(let issues):
            return try await self.form(req, form.values, existing: existing, errors: issues)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let visit = try await visits(req).get(req.idParameter(), by: req.actor)
        guard !visit.summary.isDeleted else { throw WebError.notFound }
        return Pages.response(RegistryViews.confirmDelete(name: visit.summary.title, action: .record(.visit, visit.id, .delete), cancel: .record(.visit, visit.id),
                                                          version: visit.version, chrome: Pages.chrome(for: req, current: .list(.visit))), request: req)
    }

    struct VersionForm: Content { var version: String? }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let visit = try await visits(req).get(id, by: req.actor)
        let form = try? req.content.decode(VersionForm.self)
        try await visits(req).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .list(.visit), flash: Flash("record.deleted.done", visit.summary.title))
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let visit = try await visits(req).restore(req.idParameter(), by: req.actor)
        return Pages.redirect(to: .record(.visit, visit.id), flash: Flash("record.restored", visit.summary.title))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let visit = try await visits(req).get(req.idParameter(), by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: visit.id)
        return Pages.response(RegistryViews.history(name: visit.summary.title, back: .record(.visit, visit.id), entries: entries,
                                                    chrome: Pages.chrome(for: req, current: .list(.visit))), request: req)
    }

    private func form(_ req: Request, _ values: VisitPages.Values, existing: FieldVisitRecord?, errors: [FieldIssue] = [],
                      conflict: FieldVisitRecord? = nil) async throws -> Response {
        let model = VisitPages.FormModel(
            existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
            places: try await req.placeChoices(), users: try await req.userChoices()
        )
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(VisitPages.form(model, chrome: Pages.chrome(for: req, current: .list(.visit))), status: status, request: req)
    }
}

/// "My follow-ups" and changing a follow-up's status.
struct FollowUpsController {
    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords)
        routes.on(.GET, .list(.followUp), access: write, use: mine)
        routes.on(.POST, .record(.followUp, RouteParameter.id, .status), access: write, use: setStatus)
    }

    @Sendable func mine(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let items = try await FollowUps(database: req.db).open(ownedBy: user.id, by: req.actor)
        return Pages.response(FollowUpsPage.view(items, today: req.today, chrome: Pages.chrome(for: req, current: .list(.followUp))), request: req)
    }

    struct StatusForm: Content { var status: String?, version: String? }

    @Sendable func setStatus(_ req: Request) async throws -> Response {
        let form = try req.content.decode(StatusForm.self)
        guard let status = FollowUpStatus(rawValue: form.status ?? "") else { throw WebError.badRequest("field.notAChoice") }
        try await FollowUps(database: req.db).setStatus(req.idParameter(), status, expectedVersion: FormValues.int(form.version), by: req.actor)
        let back = req.headers.first(name: .referer).flatMap { URL(string: $0)?.path }.flatMap { $0.hasPrefix("/engagements/") ? $0 : nil }
        return Pages.redirect(to: back.flatMap { UUID(uuidString: String($0.dropFirst("/engagements/".count))) }.map { .record(.engagement, $0) } ?? .list(.followUp),
                              flash: Flash("followUps.saved"))
    }
}
