import Domain
import Features
import Vapor

/// `/api/v1/me/calendar-feed`: the caller's own calendar feed address — made (or replaced) with POST,
/// ended with DELETE. The address is in the answer to POST only; it is not stored.
struct CalendarFeedAPIController {
    func register(_ routes: any RoutesBuilder) {
        let read = Access.permission(.readRecords)
        routes.on(.POST, .api(.calendarFeed), access: read, use: create)
        routes.on(.DELETE, .api(.calendarFeed), access: read, use: revoke)
    }

    struct Created: Encodable { var url: String; var createdAt: Date }

    @Sendable func create(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let created = try await CalendarFeeds(database: req.db).create(forUserID: user.id, by: req.actor)
        return try APIJSON.response(Created(url: req.baseURL + SiteURL.calendarFeed(created.secret).path, createdAt: created.status.createdAt), status: .created)
    }

    @Sendable func revoke(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        try await CalendarFeeds(database: req.db).revoke(forUserID: user.id, by: req.actor)
        return Response(status: .noContent)
    }
}
