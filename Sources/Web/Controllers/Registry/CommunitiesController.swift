import Domain
import Features
import Vapor

/// Communities, defined by administrators: one page lists them with the form to add or change one.
struct CommunitiesController: RecordPages {
    static let resource = Resource.community
    typealias Kind = Communities
    static var readAccess: Access { .permission(.manageSettings) }

    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .list(.community), access: Self.readAccess, use: newForm)
        RecordActions(self).register(routes)
    }

    struct CommunityForm: Content {
        var name: String?, status: String?, regionID: String?, notes: String?, version: String?
    }

    func values(of form: CommunityForm) -> CommunitiesPage.Values {
        .init(name: form.name ?? "", status: form.status ?? "", regionID: form.regionID ?? "", notes: form.notes ?? "", version: form.version ?? "")
    }

    func values(of community: CommunityRecord, _ req: Request) -> CommunitiesPage.Values {
        .init(name: community.name, status: community.status, regionID: community.region?.id.path ?? "", notes: community.notes ?? "",
              version: String(community.version))
    }

    func input(_ form: CommunityForm, existing: CommunityRecord?, _ req: Request) async throws -> (CommunityInput, [FieldIssue]) {
        (CommunityInput(name: form.name ?? "", status: form.status ?? "", regionID: FormValues.uuid(form.regionID), notes: form.notes), [])
    }

    /// A community's page is the list with its form open.
    func showPage(_ req: Request, id: UUID) async throws -> String {
        let community = try await kind(req).getLive(id, by: req.actor)
        return try await formPage(req, values(of: community, req), existing: community, errors: [], conflict: nil)
    }

    func location(of community: CommunityRecord) -> SiteURL { .list(.community) }

    func formPage(_ req: Request, _ values: CommunitiesPage.Values, existing: CommunityRecord?, errors: [FieldIssue],
                  conflict: CommunityRecord?) async throws -> String {
        let issues = conflict == nil ? errors : errors + [FieldIssue(field: "name", "record.conflict")]
        let model = CommunitiesPage.Model(communities: try await kind(req).list(by: req.actor), editing: existing, values: values,
                                          errors: .init(issues, text: req.localizer), regions: try await req.placeChoices())
        return CommunitiesPage.view(model, chrome: chrome(req))
    }
}
