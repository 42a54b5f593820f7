import Crypto
import Features
import Vapor

/// Double-submit CSRF protection. Every browser gets a random `rt_csrf` cookie; forms carry the same
/// value in `_csrf` (scripts in `X-CSRF-Token`), and every state-changing request must match it.
/// Bearer-token requests carry no ambient credentials and are exempt.
struct CSRFMiddleware: AsyncMiddleware {
    static let cookie = "rt_csrf"
    static let field = "_csrf"
    static let header = "X-CSRF-Token"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let cookieValue = request.cookie(Self.cookie)
        let existing = cookieValue?.count == 43 ? cookieValue : nil
        let token = existing ?? SecretToken.generate()
        request.csrfToken = token

        // Only matched routes: an unknown path or method should answer 404/405, not a CSRF refusal.
        if request.route != nil, Self.isStateChanging(request.method), !Self.isBearer(request) {
            let sent = try await Self.submittedToken(request)
            guard let sent, Self.constantTimeEqual(sent, token), existing != nil else { throw WebError.csrf }
        }
        let response = try await next.respond(to: request)
        // A browser without the cookie is given one by a page (its forms carry the token) and by nothing
        // else. Scripts, stylesheets and redirects fetched at the same moment without the cookie — the
        // offline worker's, after a new version or on the sign-in page — each made a token of their own, and
        // whichever answer came last replaced the one the page's form carried: signing in then failed with
        // "This form expired". API clients and probes never need it.
        // The header as written, not `contentType`, which parses its parameters on every answer.
        let isPage = response.headers.first(name: .contentType)?.lowercased().hasPrefix("text/html") ?? false
        if (existing == nil && isPage && !request.isAPI) || request.csrfToken != token {
            response.cookies[Self.cookie] = HTTPCookies.Value(
                string: request.csrfToken, path: "/",
                isSecure: request.roundtable.configuration.alwaysSecureCookies || request.isHTTPS,
                isHTTPOnly: true, sameSite: .lax
            )
        }
        return response
    }

    static func isStateChanging(_ method: HTTPMethod) -> Bool {
        ![.GET, .HEAD, .OPTIONS].contains(method)
    }

    static func isBearer(_ request: Request) -> Bool {
        if case .bearerToken = request.currentUser?.method { return true }
        return request.headers.bearerAuthorization != nil
    }

    static func submittedToken(_ request: Request) async throws -> String? {
        if let header = request.headers.first(name: header) { return header }
        guard let type = request.headers.contentType,
              type == .urlEncodedForm || type.type == "multipart" else { return nil }
        if request.body.data == nil {
            _ = try await request.body.collect(max: 16 * 1024 * 1024).get()
        }
        return try? request.content.get(String.self, at: field)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
