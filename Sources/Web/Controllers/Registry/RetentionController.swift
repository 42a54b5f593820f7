import Domain
import Features
import Foundation
import Vapor

/// The retention review, for those who answer data-protection requests (`erasePeople`: coordinators and
/// administrators): the list of people past the period, and keeping one with a reason — on the site
/// (`/retention-review`, a form for each person) and in the API (`GET /api/v1/retention-review`,
/// `POST /api/v1/people/{id}/retention-decision`). Erasing goes through the erasure's own confirmation.
struct RetentionController {
    func register(_ routes: any RoutesBuilder) {
        let review = Access.permission(.erasePeople), id = RouteParameter.id
        routes.on(.GET, .retentionReview, access: review, use: page)
        routes.on(.POST, .record(.person, id, .retentionDecision), access: review, use: keepPage)
        routes.on(.GET, .api(.retentionReview), access: review, use: listAPI)
        routes.on(.POST, .api(.record(.person, id, .retentionDecision)), access: review, use: keepAPI)
    }

    @Sendable func page(_ req: Request) async throws -> Response {
        try await render(req, page: (try? req.query.get(Int.self, at: "page")) ?? 1)
    }

    struct Form: Content { var reason: String?; var page: Int? }

    @Sendable func keepPage(_ req: Request) async throws -> Response {
        let id = try req.idParameter()
        let form = try req.content.decode(Form.self)
        do {
            let decision = try await RetentionReview(database: req.db).keep(id, reason: form.reason ?? "", by: req.actor)
            return Pages.redirect(to: .retentionReview, flash: Flash("retention.kept", decision.person.name,
                                                                    req.localizer.day(Day(utc: decision.keptUntil))))
        } catch DomainError.invalid(let issues) {
            return try await render(req, page: form.page ?? 1,
                                    failed: .init(id: id, reason: form.reason ?? "", errors: .init(issues, text: req.localizer)),
                                    status: .unprocessableEntity)
        } catch DomainError.notAllowed(let key) {
            // Someone else kept or changed them meanwhile, or the review was turned off: the list says how it is now.
            return Pages.redirect(to: .retentionReview, flash: Flash(key))
        }
    }

    private func render(_ req: Request, page: Int, failed: RetentionReviewPage.Failed? = nil,
                        status: HTTPResponseStatus = .ok) async throws -> Response {
        let review = try await RetentionReview(database: req.db).list(by: req.actor, page: page)
        let model = RetentionReviewPage.Model(months: review.period?.months, cutoff: review.cutoff, people: review.people,
                                              canChangeSetting: req.actor.can(.manageSettings), failed: failed)
        return Pages.response(RetentionReviewPage.view(model, chrome: Pages.chrome(for: req, current: .retentionReview)),
                              status: status, request: req)
    }

    /// The list with its period: `months` and `cutoff` are null while the review is off (written as null
    /// rather than left out, so a client reads "off" plainly).
    struct ListJSON: Encodable {
        @ExplicitNull var months: Int?
        @ExplicitNull var cutoff: Date?
        var items: [RetentionReview.Entry]
        var page: Int, perPage: Int, total: Int, hasMore: Bool
    }

    @Sendable func listAPI(_ req: Request) async throws -> Response {
        let query = APIListQuery(req)
        try query.check()
        let review = try await RetentionReview(database: req.db).list(by: req.actor, page: query.page, perPage: query.perPage)
        return try APIJSON.response(ListJSON(months: review.period?.months, cutoff: review.cutoff, items: review.people.items,
                                             page: review.people.page, perPage: review.people.perPage, total: review.people.total,
                                             hasMore: review.people.hasMore))
    }

    struct Body: Decodable { var reason: String? }

    @Sendable func keepAPI(_ req: Request) async throws -> Response {
        let body = try await APIJSON.decode(Body.self, from: req)
        let decision = try await RetentionReview(database: req.db).keep(try req.idParameter(), reason: body.reason ?? "", by: req.actor)
        return try APIJSON.response(decision, status: .created)
    }
}
