import Domain
import Features
import Vapor

/// `/api/v1/positions`, `/api/v1/places` and `/api/v1/communities`.
struct PositionsAPIController: ListedRecordAPI {
    static let resource = Resource.position

    func kind(_ req: Request) -> Positions { Positions(database: req.db) }

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        var query = Positions.ListQuery()
        query.personID = params.uuid("person")
        query.organizationID = params.uuid("organization")
        query = try params.paged(query)
        return try APIJSON.response(APIPage(try await Positions(database: req.db).list(query, by: req.actor)))
    }

    struct Body: VersionedBody {
        var personID: UUID?
        var organizationID: UUID?
        var title: String?
        var startsOn: String?
        var endsOn: String?
        var version: Int?
    }

    func input(_ body: Body, over current: PositionRecord?, _ req: Request) async throws -> PositionInput {
        if current == nil {
            try requireFields([("personID", body.personID != nil), ("organizationID", body.organizationID != nil), ("title", body.title != nil)])
        }
        return PositionInput(personID: body.personID ?? current!.person.id, organizationID: body.organizationID ?? current!.organization.id,
                             title: body.title ?? current!.title, startsOn: body.startsOn ?? current?.startsOn, endsOn: body.endsOn ?? current?.endsOn)
    }
}

struct PlacesAPIController: ListedRecordAPI {
    static let resource = Resource.place

    /// Names in the language asked for with `lang`, else the reader's.
    func kind(_ req: Request) throws -> Places {
        guard let lang = try? req.query.get(String.self, at: "lang") else { return Places(database: req.db, language: req.localizer.tag) }
        guard lang.count <= 20, PlaceNames.isLanguageTag(lang) else { throw DomainError.invalid(field: "lang", "language.invalid") }
        return Places(database: req.db, language: lang)
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        let placeKind = params.choice("kind", PlaceKind.self)
        let parent = params.uuid("parent")
        let text = params.text("q")
        try params.check()
        let page = try await kind(req).list(text: text, kind: placeKind, parentID: parent, page: params.page,
                                            perPage: params.perPage, by: req.actor)
        return try APIJSON.response(APIPage(page))
    }

    struct Body: VersionedBody {
        var kind: String?
        var parentID: UUID?
        var names: [String: String]?
        var latitude: Double?
        var longitude: Double?
        var version: Int?
    }

    func input(_ body: Body, over current: PlaceRecord?, _ req: Request) async throws -> PlaceInput {
        if current == nil { try requireFields([("kind", body.kind != nil), ("names", body.names != nil)]) }
        return PlaceInput(kind: body.kind ?? current!.kind, parentID: body.parentID ?? current?.parent?.id, names: body.names ?? current!.names,
                          latitude: body.latitude ?? current?.latitude, longitude: body.longitude ?? current?.longitude)
    }
}

struct CommunitiesAPIController: ListedRecordAPI {
    static let resource = Resource.community
    typealias Kind = Communities

    @Sendable func list(_ req: Request) async throws -> Response {
        try APIJSON.response(APIList(items: try await kind(req).list(by: req.actor)))
    }

    struct Body: VersionedBody {
        var name: String?
        var status: String?
        var regionID: UUID?
        var notes: String?
        var version: Int?
    }

    func input(_ body: Body, over current: CommunityRecord?, _ req: Request) async throws -> CommunityInput {
        if current == nil { try requireFields([("name", body.name != nil), ("status", body.status != nil)]) }
        return CommunityInput(name: body.name ?? current!.name, status: body.status ?? current!.status, regionID: body.regionID ?? current?.region?.id,
                              notes: body.notes ?? current?.notes)
    }
}
