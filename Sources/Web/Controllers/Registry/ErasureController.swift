import Domain
import Features
import Foundation
import Vapor

/// Data-protection requests about a person, for those who answer them (coordinators and administrators):
/// what the record holds on them (a readable page, JSON, and `GET /api/v1/people/{id}/subject-access`), and
/// erasing them (a confirmation page and its form, and `POST /api/v1/people/{id}/erasure`) — one use case
/// behind each.
struct ErasureController {
    func register(_ routes: any RoutesBuilder) {
        let erase = Access.permission(.erasePeople), id = RouteParameter.id
        routes.on(.GET, .record(.person, id, .erase), access: erase, use: confirm)
        routes.on(.POST, .record(.person, id, .erase), access: erase, use: erasePage)
        routes.on(.POST, .api(.record(.person, id, .erasure)), access: erase, use: eraseAPI)
        routes.on(.GET, .record(.person, id, .held), access: erase, use: heldPage)
        routes.on(.GET, .record(.person, id, .heldJSON), access: erase, use: heldJSON)
        routes.on(.GET, .api(.record(.person, id, .subjectAccess)), access: erase, use: heldJSON)
    }

    @Sendable func heldPage(_ req: Request) async throws -> Response {
        let report = try await SubjectAccess(database: req.db, language: req.localizer.tag).report(try req.idParameter(), by: req.actor)
        let response = Pages.response(SubjectAccessPage.view(report, chrome: Pages.chrome(for: req, current: .list(.person))), request: req)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    @Sendable func heldJSON(_ req: Request) async throws -> Response {
        let report = try await SubjectAccess(database: req.db, language: req.localizer.tag).report(try req.idParameter(), by: req.actor)
        let response = try APIJSON.response(report, headers: ["Cache-Control": "private, no-store"])
        if !req.isAPI {
            response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"subject-access-\(report.person.id.uuidString.lowercased()).json\"")
        }
        return response
    }

    /// The head-count line and the quote's speaker are written in the site's language: they are the record's.
    static func erasure(_ req: Request) async throws -> Erasure {
        Erasure(database: req.db, text: Localizer(try await req.roundtable.siteLanguage.current(on: req.db)), photos: req.roundtable.photos,
                register: req.roundtable.configuration.resolvedErasureRegister.map(ErasureRegister.init(file:)))
    }

    @Sendable func confirm(_ req: Request) async throws -> Response {
        let person = try await People(database: req.db).find(req.idParameter(), by: req.actor, includeDeleted: true)
        var model = ErasePersonPage.Model(person: RecordRef(id: try person.requireID(), name: person.name))
        model.fromReview = (try? req.query.get(String.self, at: "from")) == ErasePersonPage.fromReview
        return Pages.response(ErasePersonPage.view(model, chrome: Pages.chrome(for: req, current: .list(.person))), request: req)
    }

    /// `from`: the page the erasure was opened from, to go back to (the retention review), else the people list.
    struct Form: Content { var reason: String?, confirmName: String?, from: String? }

    @Sendable func erasePage(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(Form.self)
        let person = try await People(database: req.db).find(id, by: req.actor, includeDeleted: true)
        do {
            _ = try await Self.erasure(req).erase(id, reason: form.reason ?? "", confirmName: form.confirmName ?? "", by: req.actor)
            let fromReview = form.from == ErasePersonPage.fromReview
            return Pages.redirect(to: fromReview ? .retentionReview : .list(.person), flash: Flash("erasure.done"))
        } catch DomainError.invalid(let issues) {
            let model = ErasePersonPage.Model(person: RecordRef(id: id, name: person.name), reason: form.reason ?? "",
                                              confirmName: form.confirmName ?? "", fromReview: form.from == ErasePersonPage.fromReview,
                                              errors: .init(issues, text: req.localizer))
            return Pages.response(ErasePersonPage.view(model, chrome: Pages.chrome(for: req, current: .list(.person))),
                                  status: .unprocessableEntity, request: req)
        }
    }

    struct Body: Decodable { var reason: String?, confirmName: String? }

    @Sendable func eraseAPI(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        let receipt = try await Self.erasure(req).erase(try req.idParameter(), reason: body.reason ?? "",
                                                         confirmName: body.confirmName ?? "", by: req.actor)
        return try APIJSON.response(receipt)
    }
}
