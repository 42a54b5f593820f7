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
        let model = HomePage.Model(
            name: user.name, role: user.role, canManageUsers: user.role.can(.manageUsers),
            canViewAudit: user.role.can(.viewAuditTrail), recent: recent
        )
        return Pages.response(HomePage.view(model, chrome: Pages.chrome(for: req, current: .home)), request: req)
    }
}
