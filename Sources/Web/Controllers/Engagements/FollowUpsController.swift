import Domain
import Features
import Foundation
import Vapor

/// "My follow-ups" and changing a follow-up's status.
struct FollowUpsController {
    func register(_ routes: any RoutesBuilder) {
        let write = Access.permission(.writeRecords)
        routes.on(.GET, .list(.followUp), access: write, use: mine)
        routes.on(.POST, .record(.followUp, RouteParameter.id, .status), access: write, use: setStatus)
    }

    @Sendable func mine(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let items = try await FollowUps(database: req.db).open(ownedBy: user.id, by: req.actor)
        if !(try await OfflinePages.showsRestricted(engagements: items.map(\.engagement.id), people: [], to: req)) {
            OfflinePages.allow(req)
        }
        return Pages.response(FollowUpsPage.view(.init(items: items, today: req.today), chrome: Pages.chrome(for: req, current: .list(.followUp))), request: req)
    }

    struct StatusForm: Content { var status: String?, version: String? }

    @Sendable func setStatus(_ req: Request) async throws -> Response {
        let form = try req.content.decode(StatusForm.self)
        guard let status = FollowUpStatus(rawValue: form.status ?? "") else { throw WebError.badRequest("field.notAChoice") }
        try await FollowUps(database: req.db).setStatus(req.idParameter(), status, expectedVersion: FormValues.int(form.version),
                                                        by: req.actor, capture: try CaptureRequest.form(req))
        let back = req.headers.first(name: .referer).flatMap { URL(string: $0)?.path }.flatMap { $0.hasPrefix("/engagements/") ? $0 : nil }
        return Pages.redirect(to: back.flatMap { UUID(uuidString: String($0.dropFirst("/engagements/".count))) }.map { .record(.engagement, $0) } ?? .list(.followUp),
                              flash: Flash("followUps.saved"))
    }
}
