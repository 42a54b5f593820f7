import Domain
import Features
import Foundation
import Vapor

/// `/api/v1/context-events`.
struct ContextEventsAPIController: ListedRecordAPI {
    static let resource = Resource.contextEvent
    typealias Kind = ContextEvents

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        var query = ContextEvents.Query()
        query.kind = params.choice("kind", ContextEventKind.self)
        query.placeID = params.uuid("place")
        query.from = params.day("from")
        query.to = params.day("to")
        query.includeDeleted = params.flag("deleted")
        query = try params.paged(query)
        return try APIJSON.response(APIPage(try await kind(req).list(query, by: req.actor).map(APIContextEvent.init)))
    }

    struct Body: VersionedBody {
        var title: String?, kind: String?, severity: String?, startsOn: String?, endsOn: String?, description: String?, sourceURL: String?
        var confidentiality: String?, placeIDs: [UUID]?, version: Int?

        func input(over current: ContextEventRecord?) -> ContextEventInput {
            let summary = current?.summary
            var input = ContextEventInput(title: title ?? summary?.title ?? "", kind: kind ?? summary?.kind.rawValue ?? "",
                                          severity: severity ?? summary?.severity.rawValue ?? Severity.moderate.rawValue,
                                          startsOn: startsOn ?? summary?.period.startsOn.description ?? "")
            input.endsOn = endsOn ?? summary.map { $0.period.isSingleDay ? "" : $0.period.endsOn.description }
            input.description = description ?? current?.description
            input.sourceURL = sourceURL ?? current?.sourceURL
            input.confidentiality = confidentiality ?? summary?.confidentiality.rawValue ?? Confidentiality.internal.rawValue
            input.placeIDs = placeIDs ?? summary?.places.map(\.id) ?? []
            return input
        }
    }

    func input(_ body: Body, over current: ContextEventRecord?, _ req: Request) async throws -> ContextEventInput {
        if current == nil { try requireFields([("title", body.title != nil), ("kind", body.kind != nil), ("startsOn", body.startsOn != nil)]) }
        return body.input(over: current)
    }
    func output(_ event: ContextEventRecord) -> APIContextEvent { APIContextEvent(event) }
}

/// A context event as the API gives it; `endsOn` equals `startsOn` for a single day. In lists,
/// `description`, `sourceURL` and `version` are left out (read one event for them).
struct APIContextEvent: Encodable, Sendable {
    /// A deleted record is seen only by those who may restore it.
    var deleted = false
    var id: UUID
    var title: String
    var kind: String
    var severity: String
    var startsOn: String
    var endsOn: String
    var places: [RecordRef]
    var confidentiality: String
    var description: String?
    var sourceURL: String?
    var version: Int?

    init(_ summary: ContextEventSummary) {
        id = summary.id; title = summary.title; kind = summary.kind.rawValue; severity = summary.severity.rawValue
        startsOn = summary.period.startsOn.description; endsOn = summary.period.endsOn.description; places = summary.places
        confidentiality = summary.confidentiality.rawValue
        deleted = summary.isDeleted
    }

    init(_ event: ContextEventRecord) {
        self.init(event.summary)
        description = event.description; sourceURL = event.sourceURL; version = event.version
    }
}
