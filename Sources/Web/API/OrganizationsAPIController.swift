import Domain
import Features
import Vapor

/// `/api/v1/organizations`.
struct OrganizationsAPIController: ListedRecordAPI {
    static let resource = Resource.organization
    typealias Kind = Organizations

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        var query = Organizations.Query()
        query.text = params.text("q")
        query.kind = params.choice("kind", OrganizationKind.self)
        query.level = params.choice("level", GovernanceLevel.self)
        query.placeID = params.uuid("place")
        query.sort = params.choice("sort", SortOrder.self) ?? .name
        query.includeDeleted = params.flag("deleted")
        query = try params.paged(query)
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
