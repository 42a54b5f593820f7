import Domain
import Features
import Foundation
import Vapor

/// Recommendation pages: the board, one recommendation, add, edit, delete, restore, history; and marking
/// an engagement as evidence from the engagement's page.
struct RecommendationsController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .list(.recommendation), access: read, use: board)
        routes.on(.GET, .new(.recommendation), access: write, use: new)
        routes.on(.POST, .list(.recommendation), access: write, use: create)
        routes.on(.GET, .record(.recommendation, id), access: read, use: show)
        routes.on(.GET, .record(.recommendation, id, .edit), access: write, use: edit)
        routes.on(.POST, .record(.recommendation, id), access: write, use: update)
        routes.on(.GET, .record(.recommendation, id, .delete), access: write, use: confirmDelete)
        routes.on(.POST, .record(.recommendation, id, .delete), access: write, use: delete)
        routes.on(.POST, .record(.recommendation, id, .restore), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .record(.recommendation, id, .history), access: read, use: history)
        routes.on(.POST, .record(.engagement, id, .recommendations), access: write, use: addEvidence)
    }

    func recommendations(_ req: Request) -> Recommendations { Recommendations(database: req.db, language: req.localizer.language) }

    @Sendable func board(_ req: Request) async throws -> Response {
        let columns = try await recommendations(req).board(by: req.actor)
        return Pages.response(RecommendationPages.board(columns, canWrite: req.canWrite, chrome: Pages.chrome(for: req, current: .list(.recommendation))), request: req)
    }

    @Sendable func show(_ req: Request) async throws -> Response {
        let item = try await recommendations(req).get(req.idParameter(), by: req.actor)
        let model = RecommendationPages.Model(recommendation: item, canWrite: req.canWrite, canRestore: req.canRestore)
        return Pages.response(RecommendationPages.page(model, chrome: Pages.chrome(for: req, current: .list(.recommendation))), request: req)
    }

    @Sendable func new(_ req: Request) async throws -> Response {
        var values = RecommendationPages.Values()
        values.workingGroupID = req.queryText("group")
        return try await form(req, values, existing: nil)
    }

    @Sendable func edit(_ req: Request) async throws -> Response {
        let item = try await recommendations(req).get(req.idParameter(), by: req.actor)
        guard !item.summary.isDeleted else { throw WebError.notFound }
        return try await form(req, RecommendationPages.Values(item), existing: item)
    }

    struct RecommendationForm: Content {
        var title: String?, text: String?, level: String?, status: String?, statusOn: String?, workingGroupID: String?, confidentiality: String?
        var targets: String?, contextEventIDs: [String]?, version: String?

        var values: RecommendationPages.Values {
            var values = RecommendationPages.Values()
            values.title = title ?? ""; values.text = text ?? ""; values.level = level ?? ""; values.status = status ?? ""
            values.statusOn = statusOn ?? ""; values.workingGroupID = workingGroupID ?? ""; values.confidentiality = confidentiality ?? ""
            values.targets = targets ?? ""; values.contextEventIDs = contextEventIDs ?? []; values.version = version ?? ""
            return values
        }

        /// The input, with the institutions found by the names typed (problems at `targetIDs`).
        func input(lookup: NameLookup, actor: Actor, existing: RecommendationRecord?) async throws -> (RecommendationInput, [FieldIssue]) {
            var input = RecommendationInput(title: title ?? "")
            input.text = text
            input.level = level
            input.status = status ?? ""
            input.statusOn = statusOn
            input.workingGroupID = FormValues.uuid(workingGroupID)
            input.confidentiality = confidentiality ?? ""
            input.contextEventIDs = (contextEventIDs ?? []).compactMap(FormValues.uuid)
            var issues: [FieldIssue] = []
            let known = Set((existing?.targets ?? []).map(\.id))
            for line in FormValues.list(targets) {
                switch try await lookup.resolveOrganization(line, field: "targetIDs", by: actor, preferring: known) {
                case .found(let ref): if !input.targetIDs.contains(ref.id) { input.targetIDs.append(ref.id) }
                case .problem(let issue): issues.append(issue)
                }
            }
            return (input, issues)
        }
    }

    @Sendable func create(_ req: Request) async throws -> Response {
        let form = try req.content.decode(RecommendationForm.self)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, existing: nil)
        if !typed.isEmpty { return try await self.form(req, form.values, existing: nil, errors: typed) }
        do {
            let item = try await recommendations(req).create(input, by: req.actor)
            return Pages.redirect(to: .record(.recommendation, item.id), flash: Flash("record.created", item.summary.title))
        } catch let error as DomainError {
            return try await self.form(req, form.values, existing: nil, errors: RegistryErrors.issues(error))
        }
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(RecommendationForm.self)
        let existing = try await recommendations(req).get(id, by: req.actor)
        let (input, typed) = try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, existing: existing)
        if !typed.isEmpty { return try await self.form(req, form.values, existing: existing, errors: typed) }
        switch try await FormSave.run({ _ = try await recommendations(req).update(id, input, expectedVersion: FormValues.int(form.version), by: req.actor) }) {
        case .saved:
            return Pages.redirect(to: .record(.recommendation, id), flash: Flash("record.saved"))
        case .conflict:
            var values = form.values
            values.version = String(existing.version)
            return try await self.form(req, values, existing: existing, conflict: existing)
        case .invalid(let issues):
            return try await self.form(req, form.values, existing: existing, errors: issues)
        }
    }

    @Sendable func confirmDelete(_ req: Request) async throws -> Response {
        let item = try await recommendations(req).get(req.idParameter(), by: req.actor)
        guard !item.summary.isDeleted else { throw WebError.notFound }
        return Pages.response(RegistryViews.confirmDelete(name: item.summary.title, action: .record(.recommendation, item.id, .delete), cancel: .record(.recommendation, item.id),
                                                          version: item.version, chrome: Pages.chrome(for: req, current: .list(.recommendation))), request: req)
    }

    struct VersionForm: Content { var version: String? }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let item = try await recommendations(req).get(id, by: req.actor)
        let form = try? req.content.decode(VersionForm.self)
        try await recommendations(req).delete(id, expectedVersion: form?.version.flatMap { Int($0) }, by: req.actor)
        return Pages.redirect(to: .list(.recommendation), flash: Flash("record.deleted.done", item.summary.title))
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let item = try await recommendations(req).restore(req.idParameter(), by: req.actor)
        return Pages.redirect(to: .record(.recommendation, item.id), flash: Flash("record.restored", item.summary.title))
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let item = try await recommendations(req).get(req.idParameter(), by: req.actor)
        let entries = try await AuditLog(database: req.db).history(of: item.id)
        return Pages.response(RegistryViews.history(name: item.summary.title, back: .record(.recommendation, item.id), entries: entries,
                                                    chrome: Pages.chrome(for: req, current: .list(.recommendation))), request: req)
    }

    struct EvidenceForm: Content { var recommendationID: String? }

    @Sendable func addEvidence(_ req: Request) async throws -> Response {
        let engagementID = try req.idParameter()
        let form = try req.content.decode(EvidenceForm.self)
        guard let recommendationID = FormValues.uuid(form.recommendationID) else {
            let attempt = EngagementPage.Attempt(form: .recommendation, values: [:],
                                                 errors: .init([FieldIssue(field: "recommendationID", "field.required")], text: req.localizer))
            return try await EngagementsController.page(req, id: engagementID, attempt: attempt)
        }
        try await recommendations(req).addEvidence(engagement: engagementID, to: recommendationID, by: req.actor)
        return Pages.redirect(to: .record(.engagement, engagementID), flash: Flash("record.saved"))
    }

    private func form(_ req: Request, _ values: RecommendationPages.Values, existing: RecommendationRecord?, errors: [FieldIssue] = [],
                      conflict: RecommendationRecord? = nil) async throws -> Response {
        var contextQuery = ContextEvents.Query()
        contextQuery.perPage = 200
        let context = try await ContextEvents(database: req.db, language: req.localizer.language).list(contextQuery, by: req.actor).items
            .map { RecordRef(id: $0.id, name: "\($0.title) (\(ContextPages.dates($0.period)))") }
        let model = RecommendationPages.FormModel(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                                  groups: try await WorkingGroups(database: req.db).choices(by: req.actor), contextEvents: context,
                                                  canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false)
        let status: HTTPResponseStatus = conflict != nil ? .conflict : (errors.isEmpty ? .ok : .unprocessableEntity)
        return Pages.response(RecommendationPages.form(model, chrome: Pages.chrome(for: req, current: .list(.recommendation))), status: status, request: req)
    }
}
