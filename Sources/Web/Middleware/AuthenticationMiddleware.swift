import Features
import Vapor

/// Finds who is making the request: a bearer token (API clients) or the session cookie (browsers).
/// A disabled user's session or token stops working here, on the next request.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "rt_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let services = request.roundtable
        var clearStaleCookie = false
        if let bearer = request.headers.bearerAuthorization {
            if let user = try await APITokens(database: request.db).authenticate(secret: bearer.token) {
                request.currentUser = CurrentUser(user: user, method: .bearerToken)
            }
        } else if let token = request.cookie(Self.sessionCookie) {
            let sessions = Sessions(database: request.db, policy: services.configuration.sessionPolicy)
            if let resolved = try await sessions.resolve(token: token) {
                request.currentUser = CurrentUser(user: resolved.user, method: .session(id: resolved.sessionID))
            } else {
                clearStaleCookie = true
            }
        }
        let response = try await next.respond(to: request)
        if clearStaleCookie, response.cookies[Self.sessionCookie] == nil {
            response.cookies[Self.sessionCookie] = .expired
        }
        return response
    }

    static func cookie(_ token: String, for request: Request) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, expires: nil, maxAge: nil, domain: nil, path: "/",
            isSecure: request.roundtable.configuration.alwaysSecureCookies || request.isHTTPS,
            isHTTPOnly: true, sameSite: .lax
        )
    }
}
