import Domain
import Features
import Vapor

/// `/calendar/{secret}.ics`: a personal feed of engagements for calendar programs, which cannot sign in —
/// the secret address is the credential. Unknown, revoked and disabled users' feeds answer 404 alike.
struct CalendarFeedController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .calendarFeed(""), access: .anyone, use: feed)
    }

    @Sendable func feed(_ req: Request) async throws -> Response {
        guard let raw = req.parameters.get("feed"), raw.hasSuffix(".ics"),
              let owner = try await CalendarFeeds(database: req.db).owner(ofSecret: String(raw.dropLast(4)))
        else { throw Abort(.notFound) }
        let base = req.baseURL
        let siteDefault = try await req.roundtable.siteLanguage.current(on: req.db)
        let language = owner.language ?? siteDefault
        let text = try await EngagementCalendar(database: req.db, language: language.tag)
            .document(by: owner.actor, engagementURL: { base + SiteURL.record(.engagement, $0).path })
        return Response(status: .ok, headers: [
            "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": "inline; filename=\"roundtable.ics\"",
            // The body is one person's view of confidential work: no shared cache keeps it.
            "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex",
        ], body: .init(string: text))
    }
}
