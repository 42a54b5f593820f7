import Domain
import Features
import Vapor

/// The organisation pages: list, page, add, edit, delete (with confirmation), restore, history.
struct OrganizationsController: ListedRecordPages {
    static let resource = Resource.organization
    typealias Kind = Organizations

    @Sendable func index(_ req: Request) async throws -> Response {
        var query = Organizations.Query()
        query.text = req.queryText("q")
        query.kind = OrganizationKind(rawValue: req.queryText("kind"))
        query.level = GovernanceLevel(rawValue: req.queryText("level"))
        query.placeID = UUID(uuidString: req.queryText("place"))
        query.sort = SortOrder(rawValue: req.queryText("sort")) ?? .name
        query.includeDeleted = req.queryText("deleted") == "1"
        query.page = req.queryPage()
        let page = try await kind(req).list(query, by: req.actor)
        var model = OrganizationsIndexPage.Model(
            page: page, text: query.text ?? "", kind: query.kind?.rawValue ?? "", level: query.level?.rawValue ?? "",
            placeID: req.queryText("place"), sort: query.sort.rawValue, includeDeleted: query.includeDeleted,
            places: try await req.placeChoices(),
            canRestore: req.canRestore, canWrite: req.canWrite
        )
        model.saved = try await req.savedFilters(of: .organization)
        return Pages.response(OrganizationsIndexPage.view(model, chrome: Pages.chrome(for: req, current: .list(.organization))), request: req)
    }

    func showPage(_ req: Request, id: UUID) async throws -> String {
        let data = try await kind(req).page(id, by: req.actor)
        let relationship = try await Engagements(database: req.db, language: req.localizer.tag)
            .history(withOrganization: data.organization.id, by: req.actor, today: req.today)
        let agreements = try await Agreements(database: req.db, language: req.localizer.tag).partyTo(organizationID: data.organization.id, by: req.actor)
        let model = OrganizationPage.Model(data: data, today: req.today, canWrite: req.canWrite, canRestore: req.canRestore, relationship: relationship,
                                           agreements: agreements, recommendations: try await addressedTo(data.organization.id, req))
        return OrganizationPage.view(model, chrome: chrome(req))
    }

    func input(_ form: OrganizationForm, existing: OrganizationRecord?, _ req: Request) async throws -> (OrganizationInput, [FieldIssue]) { (form.input, []) }

    struct OrganizationForm: Content, PostedForm {
        var name: String?, otherNames: String?, kind: String?, level: String?, parentID: String?, placeID: String?
        var website: String?, notes: String?, version: String?

        var input: OrganizationInput {
            var input = OrganizationInput(name: name ?? "")
            input.otherNames = FormValues.list(otherNames)
            input.kind = kind ?? ""
            input.level = level
            input.parentID = FormValues.uuid(parentID)
            input.placeID = FormValues.uuid(placeID)
            input.website = website
            input.notes = notes
            return input
        }

        var values: OrganizationFormPage.Values {
            var v = OrganizationFormPage.Values()
            v.name = name ?? ""; v.otherNames = otherNames ?? ""; v.kind = kind ?? ""; v.level = level ?? ""
            v.parentID = parentID ?? ""; v.placeID = placeID ?? ""; v.website = website ?? ""; v.notes = notes ?? ""; v.version = version ?? ""
            return v
        }
    }

    func formPage(_ req: Request, _ values: OrganizationFormPage.Values, existing: OrganizationRecord?, errors: [FieldIssue],
                  conflict: OrganizationRecord?) async throws -> String {
        let model = OrganizationFormPage.Model(
            existing: existing, values: values, errors: .init(errors, text: req.localizer), conflict: conflict,
            organizations: try await kind(req).choices(by: req.actor),
            places: try await req.placeChoices()
        )
        return OrganizationFormPage.view(model, chrome: chrome(req))
    }
}

extension OrganizationsController {
    /// The recommendations addressed to an organisation, for its page.
    func addressedTo(_ id: UUID, _ req: Request) async throws -> [RecommendationSummary] {
        var query = Recommendations.Query()
        query.organizationID = id
        query.perPage = 200
        return try await Recommendations(database: req.db).list(query, by: req.actor).items
    }
}
