import Domain
import Features
import Vapor

/// `/api/v1/organizations`.
struct OrganizationsAPIController: RecordAPI {
    static let resource = Resource.organization

    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        routes.on(.GET, .api(.list(.organization)), access: read, use: list)
        RecordAPIActions(self).register(routes)
    }

    func kind(_ req: Request) -> Organizations { Organizations(database: req.db, language: req.localizer.tag) }

    @Sendable func list(_ req: Request) async throws -> Response {
        var issues: [FieldIssue] = []
        let paging = APIListQuery(req, issues: &issues)
        var query = Organizations.Query()
        query.text = APIListQuery.text(req, "q", issues: &issues)
        query.kind = APIListQuery.choice(req, "kind", OrganizationKind.self, issues: &issues)
        query.level = APIListQuery.choice(req, "level", GovernanceLevel.self, issues: &issues)
        query.placeID = APIListQuery.uuid(req, "place", issues: &issues)
        query.sort = APIListQuery.choice(req, "sort", SortOrder.self, issues: &issues) ?? .name
        query.includeDeleted = APIListQuery.flag(req, "deleted", issues: &issues)
        query.page = paging.page
        query.perPage = paging.perPage
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        return try APIJSON.response(APIPage(try await kind(req).list(query, by: req.actor)))
    }

    struct Body: VersionedBody {
        var name: String?
        var otherNames: [String]?
        var kind: String?
        var level: String?
        var parentID: UUID?
        var placeID: UUID?
        var website: String?
        var notes: String?
        var version: Int?

        func input(over current: OrganizationRecord?) -> OrganizationInput {
            var input = OrganizationInput(name: name ?? current?.name ?? "")
            input.otherNames = otherNames ?? current?.otherNames ?? []
            input.kind = kind ?? current?.kind ?? ""
            input.level = level ?? current?.level
            input.parentID = parentID ?? current?.parent?.id
            input.placeID = placeID ?? current?.place?.id
            input.website = website ?? current?.website
            input.notes = notes ?? current?.notes
            return input
        }
    }

    func input(_ body: Body, over current: OrganizationRecord?, _ req: Request) async throws -> OrganizationInput {
        if current == nil { try requireFields([("name", body.name != nil), ("kind", body.kind != nil)]) }
        return body.input(over: current)
    }
}
