import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/working-groups` and their deliverables.
struct WorkingGroupsAPIController: RecordAPI {
    static let resource = Resource.workingGroup
    typealias Kind = WorkingGroups

    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.POST, .api(.record(.workingGroup, id, .meetings)), access: write, use: addMeeting)
        routes.on(.POST, .api(.record(.workingGroup, id, .deliverables)), access: write, use: addDeliverable)
        routes.on(.PATCH, .api(.record(.deliverable, id)), access: write, use: setDeliverableStatus)
        RecordAPIActions(self).register(routes, list: list)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        let agreement = params.uuid("agreement")
        let deleted = params.flag("deleted")
        try params.check()
        let page = try await kind(req).list(page: params.page, perPage: params.perPage, includeDeleted: deleted,
                                            agreementID: agreement, by: req.actor)
        return try APIJSON.response(APIPage(page))
    }

    struct Body: VersionedBody {
        var name: String?, purpose: String?, agreementID: UUID?, confidentiality: String?, members: [MemberInput]?, version: Int?

        func input(over current: WorkingGroupRecord?) -> WorkingGroupInput {
            var input = WorkingGroupInput(name: name ?? current?.summary.name ?? "")
            input.purpose = purpose ?? current?.purpose
            input.agreementID = agreementID ?? current?.summary.agreement?.id
            input.confidentiality = confidentiality ?? current?.summary.confidentiality.rawValue ?? Confidentiality.internal.rawValue
            input.members = members ?? (current?.members ?? []).map {
                MemberInput(personID: $0.person.id, part: $0.part.rawValue, startsOn: $0.period.from?.description, endsOn: $0.period.to?.description)
            }
            return input
        }
    }

    func input(_ body: Body, over current: WorkingGroupRecord?, _ req: Request) async throws -> WorkingGroupInput {
        if current == nil { try requireFields([("name", body.name != nil)]) }
        return body.input(over: current)
    }
    func output(_ group: WorkingGroupRecord) -> APIWorkingGroup { APIWorkingGroup(group) }

    @Sendable func addMeeting(_ req: Request) async throws -> Response {
        let actor = req.actor
        return try await linkEngagement(req, EngagementIDBody.self) { kind, engagementID, _, id in
            try await kind.addMeeting(engagementID, to: id, by: actor)
        }
    }

    struct DeliverableBody: Decodable { var title: String?, kind: String?, dueOn: String?, status: String?, version: Int? }

    @Sendable func addDeliverable(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(DeliverableBody.self, from: req)
        var input = DeliverableInput(title: body.title ?? "", kind: body.kind ?? "", dueOn: body.dueOn)
        input.status = body.status ?? DeliverableStatus.planned.rawValue
        let deliverable = try await kind(req).addDeliverable(input, to: id, by: req.actor)
        return try APIJSON.response(APIDeliverable(deliverable), status: .created, headers: ["ETag": IfMatch.tag(deliverable.version)])
    }

    /// A deliverable's status (the only thing that changes once it is recorded).
    @Sendable func setDeliverableStatus(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(DeliverableBody.self, from: req)
        guard let status = DeliverableStatus(rawValue: body.status ?? "") else {
            throw DomainError.invalid([FieldIssue(field: "status", body.status == nil ? "field.required" : "field.notAChoice")])
        }
        guard try await kind(req).deliverableGroup(id) != nil else { throw WebError.notFound }
        let deliverable = try await kind(req).setDeliverableStatus(id, status, expectedVersion: body.version, by: req.actor)
        return try APIJSON.response(APIDeliverable(deliverable), headers: ["ETag": IfMatch.tag(deliverable.version)])
    }
}

struct APIDeliverable: Encodable {
    var id: UUID, title: String, kind: String, dueOn: String?, status: String, version: Int

    init(_ deliverable: Deliverable) {
        id = deliverable.id; title = deliverable.title; kind = deliverable.kind.rawValue; dueOn = deliverable.dueOn?.description
        status = deliverable.status.rawValue; version = deliverable.version
    }
}

/// A working group as the API gives it.
struct APIWorkingGroup: Encodable {
    /// A deleted record is seen only by those who may restore it.
    var deleted = false
    struct Member: Encodable {
        var person: RecordRef
        var part: String
        var startsOn: String?
        var endsOn: String?
    }

    var id: UUID, name: String, purpose: String?, agreement: RecordRef?, confidentiality: String
    var members: [Member], meetings: [RecordRef], deliverables: [APIDeliverable], version: Int

    init(_ group: WorkingGroupRecord) {
        id = group.id; name = group.summary.name; purpose = group.purpose; agreement = group.summary.agreement
        confidentiality = group.summary.confidentiality.rawValue
        members = group.members.map { Member(person: $0.person, part: $0.part.rawValue, startsOn: $0.period.from?.description, endsOn: $0.period.to?.description) }
        meetings = group.meetings.map { RecordRef(id: $0.id, name: $0.title) }
        deliverables = group.deliverables.map(APIDeliverable.init)
        version = group.version
        deleted = group.isDeleted
    }
}
