import Domain
import Features
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
        if try await mustSetUpTwoFactor(request, access: access) {
            return Pages.redirect(to: .accountTwoFactor)
        }
        return try await next.respond(to: request)
    }

    /// On a site that requires two-factor sign-in, an administrator or coordinator without it signed in with
    /// a browser reaches only the set-up (and signing out) until it is on. API tokens are not affected.
    private func mustSetUpTwoFactor(_ request: Request, access: Access) async throws -> Bool {
        guard access != .anyone, let current = request.currentUser, case .session = current.method,
              TwoFactor.isRequired(for: current.user.role)
        else { return false }
        let path = request.received.path
        let allowed = [SiteURL.accountTwoFactor, .accountTwoFactorConfirm, .signOut].map(\.path)
        guard !allowed.contains(path) else { return false }
        return try await TwoFactor(database: request.db).mustSetUp(userID: current.user.id, role: current.user.role)
    }
}
