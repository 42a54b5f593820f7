import Foundation
import Vapor

/// Every address Roundtable answers, in one place: routes are registered from these and views link to
/// them, so a link cannot point at a route that does not exist.
enum SiteURL: Sendable, Equatable {
    case home
    case setup
    case signIn
    case signOut
    case users
    case newUser
    case user(UUID)
    case userDisable(UUID)
    case userEnable(UUID)
    case userPassword(UUID)
    case audit
    case account
    case accountPassword
    case accountTokens
    case accountTokenRevoke(UUID)
    case stylesheet
    case healthz
    case metrics
    case openAPI
    case api(APIURL)

    var path: String {
        switch self {
        case .home: return "/"
        case .setup: return "/setup"
        case .signIn: return "/sign-in"
        case .signOut: return "/sign-out"
        case .users: return "/users"
        case .newUser: return "/users/new"
        case .user(let id): return "/users/\(id.uuidString.lowercased())"
        case .userDisable(let id): return "/users/\(id.uuidString.lowercased())/disable"
        case .userEnable(let id): return "/users/\(id.uuidString.lowercased())/enable"
        case .userPassword(let id): return "/users/\(id.uuidString.lowercased())/password"
        case .audit: return "/audit"
        case .account: return "/account"
        case .accountPassword: return "/account/password"
        case .accountTokens: return "/account/tokens"
        case .accountTokenRevoke(let id): return "/account/tokens/\(id.uuidString.lowercased())/revoke"
        case .stylesheet: return "/static/app.css"
        case .healthz: return "/healthz"
        case .metrics: return "/metrics"
        case .openAPI: return "/api/openapi.yaml"
        case .api(let api): return "/api/v1" + api.path
        }
    }

    /// The route pattern: the path with the placeholder identity replaced by `:id`.
    var pathComponents: [PathComponent] {
        path.split(separator: "/").map { segment in
            segment == SiteURL.placeholderSegment ? .parameter("id") : .constant(String(segment))
        }
    }

    /// Build cases with this identity to register their routes.
    static let placeholder = UUID(uuidString: "00000000-0000-0000-0000-00000000beef")!
    static var placeholderSegment: Substring { Substring(placeholder.uuidString.lowercased()) }
}

/// Addresses under `/api/v1`.
enum APIURL: Sendable, Equatable {
    case me
    case users
    case user(UUID)
    case userHistory(UUID)
    case tokens
    case token(UUID)
    case audit

    var path: String {
        switch self {
        case .me: return "/me"
        case .users: return "/users"
        case .user(let id): return "/users/\(id.uuidString.lowercased())"
        case .userHistory(let id): return "/users/\(id.uuidString.lowercased())/history"
        case .tokens: return "/tokens"
        case .token(let id): return "/tokens/\(id.uuidString.lowercased())"
        case .audit: return "/audit"
        }
    }
}

extension SiteURL: URLRepresentableByPath {}

/// Lets Plot's `href`/`action` take a `SiteURL` directly.
protocol URLRepresentableByPath { var path: String { get } }

extension Request {
    /// The `:id` parameter as a UUID; a malformed one is simply not found.
    func idParameter() throws -> UUID {
        guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else { throw Abort(.notFound) }
        return id
    }
}
