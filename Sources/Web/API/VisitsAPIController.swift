import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/visits`.
struct VisitsAPIController: ListedRecordAPI {
    static let resource = Resource.visit
    typealias Kind = FieldVisits

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        let deleted = params.flag("deleted")
        try params.check()
        let page = try await kind(req).list(page: params.page, perPage: params.perPage, includeDeleted: deleted,
                                            by: req.actor)
        return try APIJSON.response(APIPage(page))
    }

    struct Body: VersionedBody {
        var title: String?, purpose: String?, startsOn: String?, endsOn: String?, status: String?, summary: String?
        var placeIDs: [UUID]?, memberUserIDs: [UUID]?, memberPersonIDs: [UUID]?, version: Int?

        func input(over current: FieldVisitRecord?) -> FieldVisitInput {
            var input = FieldVisitInput(title: title ?? current?.summary.title ?? "", startsOn: startsOn ?? current?.summary.startsOn.description ?? "",
                                        endsOn: endsOn ?? current?.summary.endsOn.description ?? "")
            input.purpose = purpose ?? current?.purpose
            input.status = status ?? current?.summary.status.rawValue ?? VisitStatus.planned.rawValue
            input.summary = summary ?? current?.notes
            input.placeIDs = placeIDs ?? current?.places.map(\.id) ?? []
            input.memberUserIDs = memberUserIDs ?? current?.users.map(\.id) ?? []
            input.memberPersonIDs = memberPersonIDs ?? current?.people.map(\.id) ?? []
            return input
        }
    }

    func input(_ body: Body, over current: FieldVisitRecord?, _ req: Request) async throws -> FieldVisitInput {
        if current == nil { try requireFields([("title", body.title != nil), ("startsOn", body.startsOn != nil), ("endsOn", body.endsOn != nil)]) }
        return body.input(over: current)
    }
    func output(_ visit: FieldVisitRecord) -> APIVisit { APIVisit(visit) }
}

/// A field visit as the API gives it. Its engagements: `GET /api/v1/engagements?visit={id}&chronological=true`.
struct APIVisit: Encodable {
    /// A deleted record is seen only by those who may restore it.
    var deleted = false
    var id: UUID
    var title: String
    var purpose: String?
    var startsOn: String
    var endsOn: String
    var status: String
    var summary: String?
    var places: [RecordRef]
    var users: [RecordRef]
    var people: [RecordRef]
    var version: Int

    init(_ visit: FieldVisitRecord) {
        id = visit.id; title = visit.summary.title; purpose = visit.purpose; startsOn = visit.summary.startsOn.description
        endsOn = visit.summary.endsOn.description; status = visit.summary.status.rawValue; summary = visit.notes; places = visit.places
        users = visit.users; people = visit.people; version = visit.version
        deleted = visit.isDeleted
    }
}
