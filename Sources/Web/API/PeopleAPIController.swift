import Domain
import Features
import Vapor

/// `/api/v1/people`: the same rules as the pages, restricted people included (invisible, not forbidden).
struct PeopleAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords), write = Access.permission(.writeRecords)
        let id = RouteParameter.id
        routes.on(.GET, .api(.list(.person)), access: read, use: list)
        routes.on(.POST, .api(.list(.person)), access: write, use: create)
        routes.on(.GET, .api(.record(.person, id)), access: read, use: get)
        routes.on(.PATCH, .api(.record(.person, id)), access: write, use: update)
        routes.on(.DELETE, .api(.record(.person, id)), access: write, use: delete)
        routes.on(.POST, .api(.record(.person, id, .restore)), access: .permission(.restoreRecords), use: restore)
        routes.on(.GET, .api(.record(.person, id, .history)), access: read, use: history)
    }

    func people(_ req: Request) -> People { People(database: req.db, language: req.localizer.language) }

    @Sendable func list(_ req: Request) async throws -> Response {
        var issues: [FieldIssue] = []
        let paging = APIListQuery(req, issues: &issues)
        var query = People.Query()
        query.text = APIListQuery.text(req, "q", issues: &issues)
        query.communityID = APIListQuery.uuid(req, "community", issues: &issues)
        query.placeID = APIListQuery.uuid(req, "place", issues: &issues)
        query.sensitivity = APIListQuery.choice(req, "sensitivity", Sensitivity.self, issues: &issues)
        query.sort = APIListQuery.choice(req, "sort", SortOrder.self, issues: &issues) ?? .name
        query.includeDeleted = APIListQuery.flag(req, "deleted", issues: &issues)
        query.page = paging.page
        query.perPage = paging.perPage
        if !issues.isEmpty { throw DomainError.invalid(issues) }
        // Without the right to see restricted people, asking for them finds nobody rather than an error.
        let page = try await people(req).list(query, by: req.actor, today: req.today)
        return try APIJSON.response(APIPage(page))
    }

    struct Body: Decodable {
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

    @Sendable func create(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        if body.name == nil { throw DomainError.invalid(field: "name", "field.required") }
        let person = try await people(req).create(try body.input(over: nil), by: req.actor)
        return try APIJSON.response(person, status: .created, headers: ["Location": SiteURL.api(.record(.person, person.id)).path, "ETag": "\"\(person.version)\""])
    }

    /// A deleted person is gone from the API (restore brings them back); the pages still show them to
    /// coordinators so that they can be restored.
    @Sendable func get(_ req: Request) async throws -> Response {
        let person = try await people(req).get(req.idParameter(), by: req.actor)
        guard !person.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(person, headers: ["ETag": "\"\(person.version)\""])
    }

    @Sendable func update(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let body = try await APIJSON.decode(Body.self, from: req)
        let current = try await people(req).get(id, by: req.actor)
        let input = try body.input(over: current)
        let expected = try IfMatch.expectedVersion(req, bodyVersion: body.version, current: current.version)
        let person = try await IfMatch.preconditioned(req) { try await people(req).update(id, input, expectedVersion: expected, by: req.actor) }
        return try APIJSON.response(person, headers: ["ETag": "\"\(person.version)\""])
    }

    @Sendable func delete(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let current = try await people(req).get(id, by: req.actor)
        guard !current.isDeleted else { throw WebError.notFound }
        try await people(req).delete(id, expectedVersion: try IfMatch.optionalVersion(req, current: current.version), by: req.actor)
        return Response(status: .noContent)
    }

    @Sendable func restore(_ req: Request) async throws -> Response {
        let person = try await people(req).restore(req.idParameter(), by: req.actor)
        return try APIJSON.response(person, headers: ["ETag": "\"\(person.version)\""])
    }

    @Sendable func history(_ req: Request) async throws -> Response {
        let person = try await people(req).get(req.idParameter(), by: req.actor)
        guard !person.isDeleted else { throw WebError.notFound }
        return try APIJSON.response(APIList(items: try await AuditLog(database: req.db).history(of: person.id)))
    }
}
