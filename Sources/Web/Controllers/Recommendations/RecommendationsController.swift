import Domain
import Features
import Foundation
import Vapor

/// Recommendation pages: the board, one recommendation, add, edit, delete, restore, history; and marking
/// an engagement as evidence from the engagement's page.
struct RecommendationsController: RecordPages {
    static let resource = Resource.recommendation
    typealias Kind = Recommendations

    func register(_ routes: any RoutesBuilder) {
        routes.on(.POST, .record(.engagement, RouteParameter.id, .recommendations), access: .permission(.writeRecords), use: addEvidence)
        RecordActions(self).register(routes, index: board)
    }

    /// The board by status, or (`?view=table`) every recommendation as a table to filter and sort.
    @Sendable func board(_ req: Request) async throws -> Response {
        if req.queryText("view") == RecommendationsTablePage.view { return try await table(req) }
        let columns = try await kind(req).board(by: req.actor)
        return Pages.response(RecommendationBoardPage.view(.init(columns: columns.map { .init(status: $0.status, items: $0.items) }, canWrite: req.canWrite), chrome: Pages.chrome(for: req, current: .list(.recommendation))), request: req)
    }

    func table(_ req: Request) async throws -> Response {
        var query = Recommendations.Query()
        query.status = RecommendationStatus(rawValue: req.queryText("status"))
        query.order = ListOrder(req.queryText("sort"), columns: Recommendations.orderFields.keys)
        query.page = req.queryPage()
        let page = try await kind(req).list(query, by: req.actor)
        var model = RecommendationsTablePage.Model(page: page, status: query.status?.rawValue ?? "",
                                                   sort: query.order?.text ?? "", canWrite: req.canWrite)
        model.saved = try await req.savedFilters(of: .recommendation)
        return Pages.response(RecommendationsTablePage.render(model, chrome: Pages.chrome(for: req, current: .list(.recommendation))),
                              request: req)
    }

    func showPage(_ req: Request, id: UUID) async throws -> String {
        let item = try await kind(req).get(id, by: req.actor)
        let model = RecommendationPage.Model(recommendation: item, canWrite: req.canWrite, canRestore: req.canRestore)
        return RecommendationPage.view(model, chrome: chrome(req))
    }

    /// Started from a working group's page, the form names the group.
    func newForm(_ req: Request) async throws -> Response {
        try await newForm(req) { $0.workingGroupID = req.queryText("group") }
    }

    func input(_ form: RecommendationForm, existing: RecommendationRecord?, _ req: Request) async throws -> (RecommendationInput, [FieldIssue]) {
        try await form.input(lookup: NameLookup(database: req.db), actor: req.actor, existing: existing)
    }

    struct RecommendationForm: Content, PostedForm {
        var title: String?, text: String?, level: String?, status: String?, statusOn: String?, workingGroupID: String?, confidentiality: String?
        var targets: String?, contextEventIDs: [String]?, version: String?

        var values: RecommendationFormPage.Values {
            var values = RecommendationFormPage.Values()
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

    struct EvidenceForm: Content { var recommendationID: String? }

    @Sendable func addEvidence(_ req: Request) async throws -> Response {
        let engagementID = try req.idParameter()
        let form = try req.content.decode(EvidenceForm.self)
        guard let recommendationID = FormValues.uuid(form.recommendationID) else {
            let attempt = EngagementPage.Attempt(form: .recommendation, values: [:],
                                                 errors: .init([FieldIssue(field: "recommendationID", "field.required")], text: req.localizer))
            return try await EngagementsController.page(req, id: engagementID, attempt: attempt)
        }
        try await kind(req).addEvidence(engagement: engagementID, to: recommendationID, by: req.actor)
        return Pages.redirect(to: .record(.engagement, engagementID), flash: Flash("record.saved"))
    }

    func formPage(_ req: Request, _ values: RecommendationFormPage.Values, existing: RecommendationRecord?, errors: [FieldIssue],
                  conflict: RecommendationRecord?) async throws -> String {
        var contextQuery = ContextEvents.Query()
        contextQuery.perPage = 200
        let context = try await ContextEvents(database: req.db, language: req.localizer.tag).list(contextQuery, by: req.actor).items
            .map { RecordRef(id: $0.id, name: "\($0.title) (\(ContextEventViews.dates($0.period, text: req.localizer)))") }
        let model = RecommendationFormPage.Model(existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
                                                  groups: try await WorkingGroups(database: req.db).choices(by: req.actor), contextEvents: context,
                                                  canWriteRestricted: req.currentUser?.user.role.can(.writeRestricted) ?? false)
        return RecommendationFormPage.view(model, chrome: chrome(req))
    }
}
