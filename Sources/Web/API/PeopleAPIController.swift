import Domain
import Features
import Vapor

/// `/api/v1/people`: the same rules as the pages, restricted people included (invisible, not forbidden).
struct PeopleAPIController: ListedRecordAPI {
    static let resource = Resource.person
    typealias Kind = People

    @Sendable func list(_ req: Request) async throws -> Response {
        var params = APIListQuery(req)
        var query = People.Query()
        query.text = params.text("q")
        query.communityID = params.uuid("community")
        query.placeID = params.uuid("place")
        query.sensitivity = params.choice("sensitivity", Sensitivity.self)
        query.sort = params.choice("sort", SortOrder.self) ?? .name
        query.includeDeleted = params.flag("deleted")
        query = try params.paged(query)
        // Without the right to see restricted people, asking for them finds nobody rather than an error.
        let page = try await kind(req).list(query, by: req.actor, today: req.today)
        return try APIJSON.response(APIPage(page))
    }

    struct Body: VersionedBody {
        var name: String?
        var otherNames: [String]?
        var honorific: String?
        var gender: String?
        var communityID: UUID?
        var placeID: UUID?
        var languages: [String]?
        var emails: [String]?
        var phones: [String]?
        var notes: String?
        var sensitivity: String?
        var lawfulBasis: String?
        var consent: [String: String]?
        var consentObtainedOn: String?
        var consentMethod: String?
        var version: Int?

        /// The input: this body over `current` (nothing for a new person).
        func input(over current: PersonRecord?) throws -> PersonInput {
            var input = PersonInput(name: name ?? current?.name ?? "")
            input.otherNames = otherNames ?? current?.otherNames ?? []
            input.honorific = honorific ?? current?.honorific
            input.gender = gender ?? current?.gender
            input.communityID = communityID ?? current?.community?.id
            input.placeID = placeID ?? current?.place?.id
            input.languages = languages ?? current?.languages ?? []
            input.emails = emails ?? current?.emails ?? []
            input.phones = phones ?? current?.phones ?? []
            input.notes = notes ?? current?.notes
            input.sensitivity = sensitivity ?? current?.sensitivity ?? Sensitivity.normal.rawValue
            input.lawfulBasis = lawfulBasis ?? current?.lawfulBasis ?? LawfulBasis.unknown.rawValue
            var issues: [FieldIssue] = []
            for (key, answer) in consent ?? [:] {
                if let use = ConsentUse(rawValue: key) { input.consent[use] = answer } else { issues.append(FieldIssue(field: "consent.\(key)", "field.unknown")) }
            }
            if !issues.isEmpty { throw DomainError.invalid(issues) }
            input.consentObtainedOn = consentObtainedOn
            input.consentMethod = consentMethod
            return input
        }
    }

    func input(_ body: Body, over current: PersonRecord?, _ req: Request) async throws -> PersonInput {
        if current == nil { try requireFields([("name", body.name != nil)]) }
        return try body.input(over: current)
    }
}
