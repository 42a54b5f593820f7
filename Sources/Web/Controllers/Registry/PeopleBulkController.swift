import Domain
import Features
import Vapor

/// One change to the people chosen in the list (`POST /people/bulk`): set a community, place or
/// restriction, join a visit's delegation, export the selection, or delete them after one confirmation.
struct PeopleBulkController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.POST, .bulk(.person), access: .permission(.readRecords), use: apply)
    }

    struct BulkForm: Content {
        var id: [String]?
        var action: String?, community: String?, place: String?, sensitivity: String?, visit: String?
        var back: String?, confirmed: String?

        var values: PeopleBulk.Values {
            PeopleBulk.Values(action: action ?? "", community: community ?? "", place: place ?? "",
                              sensitivity: sensitivity ?? "", visit: visit ?? "",
                              back: SavedFilters.isListQuery(back ?? "") ? SavedFiltersBar.withoutPage(back ?? "") : "")
        }
    }

    @Sendable func apply(_ req: Request) async throws -> Response {
        let form = try req.content.decode(BulkForm.self)
        let values = form.values
        let ids = (form.id ?? []).compactMap { UUID(uuidString: $0) }
        let choices = try await self.choices(req)
        guard let action = PeopleBulk.Action(rawValue: values.action), choices.actions.contains(action) else {
            return try await page(req, ids, values, choices, [FieldIssue(field: "action", "bulk.chooseAction.error")])
        }
        guard !ids.isEmpty else {
            return try await page(req, ids, values, choices, [FieldIssue(field: "id", "bulk.noneSelected")])
        }
        let bulk = BulkPeople(database: req.db, language: req.localizer.tag)
        let change: BulkPeople.Change
        switch action {
        case .export:
            let rows = try await RecordExport(database: req.db, language: req.localizer.tag).people(ids, by: req.actor)
            return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8",
                                                   "Content-Disposition": "attachment; filename=\"people-selected.csv\"",
                                                   "Cache-Control": "private, no-store"],
                            body: .init(string: CSV.document(rows)))
        case .delete:
            guard form.confirmed == "1" else {
                var model = PeopleBulk.PageModel(people: try await names(req, ids), values: values, choices: choices)
                model.confirmingDelete = true
                return Pages.response(PeopleBulk.page(model, chrome: Pages.chrome(for: req, current: .list(.person))),
                                      request: req)
            }
            change = .delete
        case .community, .place, .visit:
            let raw = action == .community ? values.community : action == .place ? values.place : values.visit
            guard let id = UUID(uuidString: raw) else {
                return try await page(req, ids, values, choices, [FieldIssue(field: action.rawValue, "bulk.chooseValue")])
            }
            change = action == .community ? .community(id) : action == .place ? .place(id) : .addToVisit(id)
        case .sensitivity:
            guard let sensitivity = Sensitivity(rawValue: values.sensitivity) else {
                return try await page(req, ids, values, choices, [FieldIssue(field: "sensitivity", "bulk.chooseValue")])
            }
            change = .sensitivity(sensitivity)
        }
        do {
            let changed = try await bulk.apply(change, to: ids, by: req.actor)
            return Pages.redirect(to: .list(.person), flash: Flash("bulk.done", String(changed)),
                                  query: values.back.isEmpty ? nil : values.back)
        } catch DomainError.invalid(let issues) {
            return try await page(req, ids, values, choices, issues)
        }
    }

    /// - Parameter communities, places: the menus the page has read already (the people list's filters).
    func choices(_ req: Request, communities: [RecordRef]? = nil, places: [RecordRef]? = nil) async throws -> PeopleBulk.Choices {
        guard req.canWrite else { return PeopleBulk.Choices() }
        var choices = PeopleBulk.Choices(canWrite: true, canSeeRestricted: req.canSeeRestricted)
        if let communities { choices.communities = communities } else { choices.communities = try await req.communityChoices() }
        if let places { choices.places = places } else { choices.places = try await req.placeChoices() }
        choices.visits = try await FieldVisits(database: req.db, language: req.localizer.tag).choices(by: req.actor)
        return choices
    }

    /// The chosen people the reader may see, by name.
    func names(_ req: Request, _ ids: [UUID]) async throws -> [RecordRef] {
        let ids = Array(ids.prefix(BulkPeople.maximum))
        let names = try await People(database: req.db, language: req.localizer.tag).visibleNames(ids, by: req.actor)
        // In the order they were ticked (the list's order).
        return ids.compactMap { id in names[id].map { RecordRef(id: id, name: $0) } }
    }

    /// The selection again, each mistake beside its field.
    func page(_ req: Request, _ ids: [UUID], _ values: PeopleBulk.Values, _ choices: PeopleBulk.Choices,
              _ issues: [FieldIssue]) async throws -> Response {
        var model = PeopleBulk.PageModel(people: try await names(req, ids), values: values, choices: choices)
        model.errors = .init(issues, text: req.localizer)
        return Pages.response(PeopleBulk.page(model, chrome: Pages.chrome(for: req, current: .list(.person))),
                              status: .unprocessableEntity, request: req)
    }
}
