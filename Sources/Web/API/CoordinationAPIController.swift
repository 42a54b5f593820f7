import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/coordination`: who does what where, as JSON and as CSV with HXL hashtags.
struct CoordinationAPIController: RecordAPI {
    static let resource = Resource.coordination
    typealias Kind = Coordination

    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        routes.on(.GET, .api(.coordinationExport), access: read, use: export)
        RecordAPIActions(self).register(routes, list: list)
    }

    func query(_ req: Request) throws -> Coordination.Query {
        var params = APIListQuery(req, paged: false)
        var query = Coordination.Query()
        query.placeID = params.uuid("place")
        query.from = params.day("from")
        query.to = params.day("to")
        query.includeDeleted = params.flag("deleted")
        try params.check()
        return query
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        try APIJSON.response(APIList(items: try await kind(req).all(query(req), by: req.actor).map(APICoordination.init)))
    }

    @Sendable func export(_ req: Request) async throws -> Response {
        let rows = try await kind(req).hxlRows(query(req), by: req.actor)
        return Response(status: .ok, headers: ["Content-Type": "text/csv; charset=utf-8", "Cache-Control": "private, no-store"],
                        body: .init(string: CSV.document(rows)))
    }

    struct Body: VersionedBody {
        var organizationID: UUID?, theme: String?, startsOn: String?, endsOn: String?, placeIDs: [UUID]?, contactPersonID: UUID?, notes: String?
        var version: Int?

        func input(over current: CoordinationRecord?) -> CoordinationInput {
            var input = CoordinationInput(organizationID: organizationID ?? current?.organization.id, theme: theme ?? current?.theme ?? "")
            input.startsOn = startsOn ?? current?.period.from?.description
            input.endsOn = endsOn ?? current?.period.to?.description
            input.placeIDs = placeIDs ?? current?.places.map(\.id) ?? []
            input.contactPersonID = contactPersonID ?? current?.contact?.id
            input.notes = notes ?? current?.notes
            return input
        }
    }

    func input(_ body: Body, over current: CoordinationRecord?, _ req: Request) async throws -> CoordinationInput {
        if current == nil { try requireFields([("organizationID", body.organizationID != nil), ("theme", body.theme != nil)]) }
        return body.input(over: current)
    }
    func output(_ activity: CoordinationRecord) -> APICoordination { APICoordination(activity) }
}

struct APICoordination: Encodable {
    /// A deleted record is seen only by those who may restore it.
    var deleted = false
    var id: UUID
    var organization: RecordRef
    var theme: String
    var startsOn: String?
    var endsOn: String?
    var places: [RecordRef]
    var contact: RecordRef?
    var notes: String?
    var version: Int

    init(_ activity: CoordinationRecord) {
        id = activity.id; organization = activity.organization; theme = activity.theme; startsOn = activity.period.from?.description
        endsOn = activity.period.to?.description; places = activity.places; contact = activity.contact; notes = activity.notes; version = activity.version
        deleted = activity.isDeleted
    }
}
