import Domain
import Vapor

/// Who may reach a route. Every route must carry one; a route without a rule is unreachable.
enum Access: Sendable, Hashable {
    /// No sign-in needed (sign-in page, setup, health, static files).
    case anyone
    /// Any signed-in, enabled user.
    case signedIn
    /// A signed-in user whose role has this permission.
    case permission(Permission)

    static let userInfoKey: AnySendableHashable = "roundtable.access"

    func allows(_ role: Role?) -> Bool {
        switch self {
        case .anyone: return true
        case .signedIn: return role != nil
        case .permission(let permission): return role?.can(permission) ?? false
        }
    }
}

extension Route {
    var access: Access? { userInfo[Access.userInfoKey] as? Access }
}

extension RoutesBuilder {
    /// Registers a route with its access rule; the only way routes are added in Roundtable.
    @discardableResult
    func on<Response: AsyncResponseEncodable>(
        _ method: HTTPMethod, _ url: RoutePattern, access: Access,
        body: HTTPBodyStreamStrategy = .collect,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let route = self.on(method, url.pathComponents, body: body, use: handler)
        route.userInfo[Access.userInfoKey] = access
        return route
    }
}
