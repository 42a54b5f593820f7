import Domain
import Vapor

/// Deny by default: a matched route without an access rule answers 403, so forgetting a rule can
/// never expose a page. Unauthenticated browsers are sent to sign in; API clients get 401.
struct AccessMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else { return try await next.respond(to: request) }
        guard let access = route.access else {
            request.logger.error("route without an access rule: \(route.method) \(route.path.string)")
            throw WebError.forbidden
        }
        let role = request.currentUser?.user.role
        guard access.allows(role) else {
            throw role == nil ? WebError.unauthenticated : WebError.forbidden
        }
        return try await next.respond(to: request)
    }
}
