import Domain
import Features
import Vapor

struct HomeController {
    func register(_ routes: any RoutesBuilder) {
        routes.on(.GET, .home, access: .signedIn, use: home)
    }

    @Sendable func home(_ req: Request) async throws -> Response {
        guard let user = req.currentUser?.user else { throw WebError.unauthenticated }
        let log = AuditLog(database: req.db)
        let recent: [AuditLog.Entry]
        if user.role.can(.viewAuditTrail) {
            recent = try await log.list(.init(), page: 1, pageSize: 10, by: req.actor).entries
        } else {
            recent = try await log.recent(byUserID: user.id, limit: 10)
        }
        var model = HomePage.Model(
            name: user.name, role: user.role, canManageUsers: user.role.can(.manageUsers),
            canViewAudit: user.role.can(.viewAuditTrail), recent: recent, today: req.today
        )
        if user.role.can(.writeRecords) {
            model.followUps = try await FollowUps(database: req.db).open(ownedBy: user.id, by: req.actor)
                .sorted { first, second in
                    // Overdue first, then by the day they are due; those without a day last.
                    let today = req.today
                    if first.isOverdue(today: today) != second.isOverdue(today: today) { return first.isOverdue(today: today) }
                    switch (first.dueOn, second.dueOn) {
                    case let (one?, other?): return one < other
                    case (.some, nil): return true
                    default: return false
                    }
                }
            model.myEngagements = try await Engagements(database: req.db).recentlyLogged(by: user.id, actor: req.actor)
            model.captureReviews = try await CaptureReviews(database: req.db).count(by: req.actor)
        }
        if user.role.can(.readRecords) {
            let visits = FieldVisits(database: req.db, language: req.localizer.tag)
            model.visitsUnderWay = try await visits.underWay(on: req.today, by: req.actor)
            // Between visits, the latest are what people open most (their report, their public update).
            if model.visitsUnderWay.isEmpty { model.latestVisits = try await visits.list(perPage: 3, by: req.actor).items }
        }
        return Pages.response(HomePage.view(model, chrome: Pages.chrome(for: req, current: .home)), request: req)
    }
}
