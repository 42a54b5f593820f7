import Domain
import Features
import Foundation
import Vapor

/// The duplicates page, "not the same", and merging one record into another — on the site and in the API
/// (`GET /api/v1/duplicates?kind=`, `POST /api/v1/people/{id}/merge`, `POST /api/v1/organizations/{id}/merge`).
struct DuplicatesController {
    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords), merge = Access.permission(.restoreRecords)
        let id = RouteParameter.id
        routes.on(.GET, .duplicates, access: write, use: list)
        routes.on(.POST, .duplicatesDismiss, access: write, use: dismiss)
        routes.on(.GET, .record(.person, id, .merge), access: merge) { try await confirm($0, .people) }
        routes.on(.POST, .record(.person, id, .merge), access: merge) { try await mergePage($0, .people) }
        routes.on(.GET, .record(.organization, id, .merge), access: merge) { try await confirm($0, .organizations) }
        routes.on(.POST, .record(.organization, id, .merge), access: merge) { try await mergePage($0, .organizations) }
        routes.on(.GET, .api(.duplicates), access: write, use: apiList)
        routes.on(.POST, .api(.record(.person, id, .merge)), access: merge) { try await apiMerge($0, .people) }
        routes.on(.POST, .api(.record(.organization, id, .merge)), access: merge) { try await apiMerge($0, .organizations) }
    }

    @Sendable func list(_ req: Request) async throws -> Response {
        let candidates = DuplicateCandidates(database: req.db)
        let people = try await candidates.pairs(.people, by: req.actor)
        let organizations = try await candidates.pairs(.organizations, by: req.actor)
        return Pages.response(DuplicatesPage.view(.init(people: people, organizations: organizations,
                                                         canMerge: req.actor.can(.restoreRecords)),
                                                   chrome: Pages.chrome(for: req, current: .duplicates)), request: req)
    }

    struct DismissForm: Content {
        var kind: String?
        var first: UUID?
        var second: UUID?
    }

    @Sendable func dismiss(_ req: Request) async throws -> Response {
        let form = try req.content.decode(DismissForm.self)
        guard let kind = form.kind.flatMap(DuplicateCandidates.Kind.init(rawValue:)), let first = form.first, let second = form.second else {
            throw Abort(.badRequest)
        }
        try await DuplicateCandidates(database: req.db).dismiss(kind, first, second, by: req.actor)
        return Pages.redirect(to: .duplicates, flash: Flash("record.saved"))
    }

    func refs(_ req: Request, _ kind: DuplicateCandidates.Kind, duplicate: UUID, kept: UUID) async throws -> (RecordRef, RecordRef, Bool) {
        switch kind {
        case .people:
            let people = People(database: req.db)
            let d = try await people.get(duplicate, by: req.actor), k = try await people.get(kept, by: req.actor)
            return (RecordRef(id: d.id, name: d.name), RecordRef(id: k.id, name: k.name), d.isRestricted && !k.isRestricted)
        case .organizations:
            let organizations = Organizations(database: req.db)
            let d = try await organizations.get(duplicate, by: req.actor), k = try await organizations.get(kept, by: req.actor)
            return (RecordRef(id: d.id, name: d.name), RecordRef(id: k.id, name: k.name), false)
        }
    }

    @Sendable func confirm(_ req: Request, _ kind: DuplicateCandidates.Kind) async throws -> Response {
        let duplicate = try req.idParameter()
        guard let kept = UUID(uuidString: req.queryText("into")) else { throw Abort(.notFound) }
        return try await confirmPage(req, kind, duplicate: duplicate, kept: kept)
    }

    func confirmPage(_ req: Request, _ kind: DuplicateCandidates.Kind, duplicate: UUID, kept: UUID, issues: [FieldIssue] = [],
                     status: HTTPResponseStatus = .ok) async throws -> Response {
        let (d, k, restricted) = try await refs(req, kind, duplicate: duplicate, kept: kept)
        let merge = MergeRecords(database: req.db)
        let moves = kind == .people ? try await merge.preview(person: duplicate, into: kept, by: req.actor)
            : try await merge.preview(organization: duplicate, into: kept, by: req.actor)
        return Pages.response(MergePage.view(.init(kind: kind, duplicate: d, kept: k, moves: moves.map { .init(key: $0.0, count: $0.1) },
                                                        duplicateRestricted: restricted, errors: .init(issues, text: req.localizer)),
                                                  chrome: Pages.chrome(for: req, current: .duplicates)),
                              status: status, request: req)
    }

    struct MergeForm: Content { var into: UUID? }

    @Sendable func mergePage(_ req: Request, _ kind: DuplicateCandidates.Kind) async throws -> Response {
        let duplicate = try req.idParameter()
        guard let kept = try req.content.decode(MergeForm.self).into else { throw Abort(.badRequest) }
        let merge = MergeRecords(database: req.db, language: req.localizer.tag)
        do {
            switch kind {
            case .people:
                let record = try await merge.mergePerson(duplicate, into: kept, by: req.actor)
                return Pages.redirect(to: .record(.person, record.id), flash: Flash("record.saved"))
            case .organizations:
                let record = try await merge.mergeOrganization(duplicate, into: kept, by: req.actor)
                return Pages.redirect(to: .record(.organization, record.id), flash: Flash("record.saved"))
            }
        } catch let error as DomainError {
            return try await confirmPage(req, kind, duplicate: duplicate, kept: kept, issues: try RegistryErrors.issues(error), status: .unprocessableEntity)
        }
    }

    struct APIPair: Content {
        var first: RecordRef
        var second: RecordRef
        var likeness: String
    }

    struct APIPairs: Content {
        var total: Int
        var pairs: [APIPair]
    }

    @Sendable func apiList(_ req: Request) async throws -> Response {
        // Left out, it means people; given, it must be one of the kinds (an empty `kind=` is a mistake too).
        let raw = req.queryValues["kind"] == nil ? "people" : req.queryText("kind")
        guard let kind = DuplicateCandidates.Kind(rawValue: raw) else {
            throw DomainError.invalid([FieldIssue(field: "kind", "field.notAChoice")])
        }
        let found = try await DuplicateCandidates(database: req.db).pairs(kind, by: req.actor)
        return try APIJSON.response(APIPairs(total: found.total, pairs: found.pairs.map { APIPair(first: $0.first, second: $0.second, likeness: $0.likeness.rawValue) }))
    }

    struct MergeBody: Decodable { var into: UUID? }

    @Sendable func apiMerge(_ req: Request, _ kind: DuplicateCandidates.Kind) async throws -> Response {
        let duplicate = try req.idParameter()
        let body = try await APIJSON.decode(MergeBody.self, from: req)
        guard let kept = body.into else { throw DomainError.invalid([FieldIssue(field: "into", "field.required")]) }
        let merge = MergeRecords(database: req.db, language: req.localizer.tag)
        switch kind {
        case .people: return try APIJSON.response(try await merge.mergePerson(duplicate, into: kept, by: req.actor))
        case .organizations: return try APIJSON.response(try await merge.mergeOrganization(duplicate, into: kept, by: req.actor))
        }
    }
}
