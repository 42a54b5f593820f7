import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/engagements` and their follow-ups, `/api/v1/follow-ups`.
struct EngagementsAPIController: RecordAPI {
    static let resource = Resource.engagement
    typealias Kind = Engagements

    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        let write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.POST, .api(.record(.engagement, id, .followUps)), access: write, use: addFollowUp)
        routes.on(.POST, .api(.record(.engagement, id, .quotes)), access: write, use: addQuote)
        routes.on(.DELETE, .api(.record(.quote, id)), access: write, use: deleteQuote)
        routes.on(.POST, .api(.record(.engagement, id, .photos)), access: write, body: .collect(maxSize: "16mb"), use: addPhoto)
        routes.on(.GET, .api(.record(.photo, id, .file)), access: read, use: photoFile)
        routes.on(.DELETE, .api(.record(.photo, id)), access: write, use: deletePhoto)
        routes.on(.GET, .api(.list(.followUp)), access: write, use: myFollowUps)
        routes.on(.PATCH, .api(.record(.followUp, id)), access: write, use: setFollowUpStatus)
        RecordAPIActions(self).register(routes, list: list)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        var query = Engagements.Query()
        query.visitID = params.uuid("visit")
        query.placeID = params.uuid("place")
        query.personID = params.uuid("person")
        query.organizationID = params.uuid("organization")
        query.kind = params.text("kind")
        if let kind = query.kind, !EngagementKinds.isKey(kind) {
            params.note(FieldIssue(field: "kind", "field.notAChoice"))
        }
        query.topic = params.text("topic")
        query.from = params.day("from")
        query.to = params.day("to")
        query.chronological = params.flag("chronological")
        query = try params.paged(query)
        return try APIJSON.response(APIPage(try await kind(req).list(query, by: req.actor)))
    }

    struct Body: VersionedBody {
        var kind: String?, title: String?, start: String?, timeZone: String?, durationMinutes: Int?, placeID: UUID?, venue: String?
        var visitID: UUID?, hostIDs: [UUID]?, partnerIDs: [UUID]?, participants: [ParticipantInput]?, headCounts: [HeadCount]?
        var topics: [String]?, summary: String?, outcomes: String?, decisions: String?, aggregateOnly: Bool?, confidentiality: String?
        var followUps: [FollowUpBody]?, version: Int?

        /// Fields left out keep their current value.
        func input(over current: EngagementRecord?) -> EngagementInput {
            let summary = current?.summary
            var input = EngagementInput(kind: kind ?? summary?.kind ?? "", title: title ?? summary?.title ?? "",
                                        start: start ?? summary?.start ?? "", timeZone: timeZone ?? summary?.timeZone ?? "UTC")
            input.durationMinutes = durationMinutes ?? current?.durationMinutes
            input.placeID = placeID ?? summary?.place?.id
            input.venue = venue ?? summary?.venue
            input.visitID = visitID ?? summary?.visit?.id
            input.hostIDs = hostIDs ?? current?.hosts.map(\.id) ?? []
            input.partnerIDs = partnerIDs ?? current?.partners.map(\.id) ?? []
            input.participants = participants ?? current?.participants.map {
                ParticipantInput(personID: $0.person.id, part: $0.part.rawValue, title: $0.titleRecorded ? $0.title : nil)
            } ?? []
            input.headCounts = headCounts ?? current?.headCounts ?? []
            input.topics = topics ?? summary?.topics ?? []
            input.summary = self.summary ?? current?.notes
            input.outcomes = outcomes ?? current?.outcomes
            input.decisions = decisions ?? current?.decisions
            input.aggregateOnly = aggregateOnly ?? current?.aggregateOnly ?? false
            input.confidentiality = confidentiality ?? summary?.confidentiality.rawValue ?? Confidentiality.internal.rawValue
            input.followUps = (followUps ?? []).map(\.input)
            return input
        }
    }

    /// Follow-ups come with a new engagement; later ones are added on their own.
    func input(_ body: Body, over current: EngagementRecord?, _ req: Request) async throws -> EngagementInput {
        if current == nil { try requireFields([("kind", body.kind != nil), ("title", body.title != nil), ("start", body.start != nil)]) }
        if current != nil, body.followUps != nil { throw DomainError.invalid([FieldIssue(field: "followUps", "field.unknown")]) }
        return body.input(over: current)
    }
    func output(_ record: EngagementRecord) -> APIEngagement { APIEngagement(record) }

    struct FollowUpBody: Decodable {
        var text: String?, ownerID: UUID?, dueOn: String?, status: String?

        var input: FollowUpInput {
            FollowUpInput(text: text ?? "", ownerID: ownerID, dueOn: dueOn, status: status ?? FollowUpStatus.open.rawValue)
        }
    }

    @Sendable func addFollowUp(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(FollowUpBody.self, from: req)
        if body.text == nil { throw DomainError.invalid([FieldIssue(field: "text", "field.required")]) }
        try await FollowUps(database: req.db).add(body.input, to: id, by: req.actor)
        let record = try await kind(req).get(id, by: req.actor)
        return try APIJSON.response(APIList(items: record.followUps), status: .created)
    }

    @Sendable func addQuote(_ req: Request) async throws -> Response {
        let input = try await APIJSON.decode(QuoteInput.self, from: req)
        let quote = try await Quotes(database: req.db).add(input, to: req.idParameter(), by: req.actor)
        return try APIJSON.response(quote, status: .created)
    }

    @Sendable func deleteQuote(_ req: Request) async throws -> Response {
        try await Quotes(database: req.db).remove(req.idParameter(), by: req.actor)
        return Response(status: .noContent)
    }

    enum PhotoSize: String { case small }

    struct PhotoUpload: APIUpload {
        var file: File?
        var caption: String?
        var credit: String?
        /// Identities of the people shown, separated by commas.
        var peopleShown: String?
    }

    /// `multipart/form-data` with `file` and optional `caption`, `credit` and `peopleShown`.
    @Sendable func addPhoto(_ req: Request) async throws -> Response {
        let (upload, file) = try PhotoUpload.decode(from: req, notMultipart: "error.body.notMultipart")
        var shown: [UUID] = []
        for raw in FormValues.list(upload.peopleShown, commas: true) {
            guard let id = UUID(uuidString: raw) else { throw DomainError.invalid([FieldIssue(field: "peopleShown", "field.wrongType")]) }
            shown.append(id)
        }
        let photo = try await Photos(database: req.db, store: req.roundtable.photos).add(
            PhotoInput(bytes: Array(file.data.readableBytesView), caption: upload.caption, credit: upload.credit, peopleShown: shown),
            to: req.idParameter(), by: req.actor)
        return try APIJSON.response(photo, status: .created, headers: ["Location": SiteURL.api(.record(.photo, photo.id, .file)).location])
    }

    @Sendable func photoFile(_ req: Request) async throws -> Response {
        var params = APIListQuery(req, paged: false)
        let small = params.choice("size", PhotoSize.self) == .small
        try params.check()
        let file = try await Photos(database: req.db, store: req.roundtable.photos).file(req.idParameter(), small: small, by: req.actor)
        return Response(status: .ok, headers: ["Content-Type": file.mediaType, "Cache-Control": "private, max-age=300"], body: .init(data: file.data))
    }

    @Sendable func deletePhoto(_ req: Request) async throws -> Response {
        try await Photos(database: req.db, store: req.roundtable.photos).remove(req.idParameter(), by: req.actor)
        return Response(status: .noContent)
    }

    /// The caller's open follow-ups, soonest due first.
    @Sendable func myFollowUps(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        return try APIJSON.response(APIList(items: try await FollowUps(database: req.db).open(ownedBy: user.id, by: req.actor)))
    }

    struct StatusBody: Decodable { var status: String?, version: Int? }

    @Sendable func setFollowUpStatus(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(StatusBody.self, from: req)
        guard let raw = body.status else { throw DomainError.invalid([FieldIssue(field: "status", "field.required")]) }
        guard let status = FollowUpStatus(rawValue: raw) else { throw DomainError.invalid([FieldIssue(field: "status", "field.notAChoice")]) }
        if let version = body.version, !(0...Int(Int32.max)).contains(version) { throw DomainError.invalid(field: "version", "field.wrongType") }
        var expected = body.version
        switch IfMatch.parse(req) {
        case .version(let version): expected = version
        case .unparseable: throw WebError.preconditionMalformed
        case .any, .absent: break
        }
        try await IfMatch.preconditioned(req) {
            try await FollowUps(database: req.db).setStatus(req.idParameter(), status, expectedVersion: expected, by: req.actor)
        }
        return Response(status: .noContent)
    }
}

/// An engagement as the API gives it: flat, with identities and names.
struct APIEngagement: Encodable {
    /// A deleted record is seen only by those who may restore it.
    var deleted = false
    var id: UUID
    var kind: String
    var kindLabel: String?
    var title: String
    var start: String
    var timeZone: String
    var startsAt: Date
    var durationMinutes: Int?
    var place: RecordRef?
    var venue: String?
    var visit: RecordRef?
    var hosts: [RecordRef]
    var partners: [RecordRef]
    var participants: [ParticipantRecord]
    var headCounts: [HeadCount]
    var topics: [String]
    var summary: String?
    var outcomes: String?
    var decisions: String?
    var aggregateOnly: Bool
    var confidentiality: String
    var followUps: [FollowUpRecord]
    var quotes: [QuoteRecord]
    var photos: [PhotoRecord]
    var version: Int
    var createdAt: Date
    var updatedAt: Date

    init(_ record: EngagementRecord) {
        let s = record.summary
        id = s.id; kind = s.kind; kindLabel = s.kindLabel; title = s.title; start = s.start; timeZone = s.timeZone; startsAt = s.startsAt
        durationMinutes = record.durationMinutes; place = s.place; venue = s.venue; visit = s.visit; hosts = record.hosts
        partners = record.partners; participants = record.participants; headCounts = record.headCounts; topics = s.topics
        summary = record.notes; outcomes = record.outcomes; decisions = record.decisions; aggregateOnly = record.aggregateOnly
        confidentiality = s.confidentiality.rawValue; followUps = record.followUps; quotes = record.quotes; photos = record.photos; version = record.version
        createdAt = record.createdAt; updatedAt = record.updatedAt
        deleted = record.isDeleted
    }
}
