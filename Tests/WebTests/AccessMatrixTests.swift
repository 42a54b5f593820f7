import Domain
import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("Deny by default: every route × every role")
struct AccessMatrixTests {
    @Test func everyRouteCarriesAnAccessRule() async throws {
        try await withRoundtable { app in
            let missing = app.routes.all.filter { $0.access == nil }.map { "\($0.method) \($0.path.string)" }
            #expect(missing.isEmpty)
        }
    }

    @Test func aRouteWithoutARuleIsUnreachable() async throws {
        try await withRoundtable { app in
            app.get("forgotten") { _ in "secret" }
            let token = try await app.token(for: app.addUser("admin@ico.example", role: .admin).email)
            let response = try await app.testing().sendRequest(.GET, "/forgotten", headers: ["Authorization": "Bearer \(token)"])
            #expect(response.status == .forbidden)
            #expect(!response.body.string.contains("secret"))
        }
    }

    /// Each role signs in with a token (so CSRF is not in play) and tries every route; the route's rule
    /// alone decides whether it gets past the access check.
    @Test func everyRoleReachesExactlyTheRoutesItsRoleAllows() async throws {
        try await withRoundtable { app in
            var tokens: [Role: String] = [:]
            for role in Role.allCases {
                let user = try await app.addUser("\(role.rawValue)@ico.example", role: role)
                tokens[role] = try await app.token(for: user.email)
            }
            // Revoking all of one's API tokens revokes the token the matrix signs in with: that route goes last.
            let revokesOwnTokens = { (route: Route) in route.path.map(\.description).joined(separator: "/") == "account/tokens/revoke" }
            let routes = app.routes.all.filter { !revokesOwnTokens($0) } + app.routes.all.filter(revokesOwnTokens)
            #expect(routes.count >= 25)
            for route in routes {
                let path = "/" + route.path.map { component -> String in
                    if case .parameter = component { return UUID().uuidString.lowercased() }
                    return component.description
                }.joined(separator: "/")
                let access = try #require(route.access)
                for role in [Role?.none] + Role.allCases.map(Optional.some) {
                    var headers: HTTPHeaders = ["Content-Type": "application/json"]
                    if let role { headers.add(name: .authorization, value: "Bearer \(tokens[role]!)") }
                    let response = try await app.testing().sendRequest(route.method, path, headers: headers, body: ByteBuffer(string: "{}"))
                    // A form posted without a CSRF token is refused too, but by the CSRF check, not the rule.
                    // Likewise a sign-in with no password answers 401 as a failed sign-in, not as a refusal.
                    let csrfRefusal = response.body.string.contains("This form expired")
                    let failedSignIn = response.body.string.contains("The email or password is not right")
                    let denied = (response.status == .unauthorized && !failedSignIn) || (response.status == .forbidden && !csrfRefusal)
                        || (response.status == .seeOther && response.headers.first(name: .location)?.hasPrefix("/sign-in?") == true)
                    let label = "\(route.method) \(path) as \(role?.rawValue ?? "anonymous") → \(response.status.code)"
                    if access.allows(role) {
                        #expect(!denied, "\(label) should be allowed")
                    } else {
                        #expect(denied, "\(label) should be denied")
                    }
                    #expect(response.status.code < 500, "\(label)")
                }
            }
        }
    }

    @Test func browsersThatAreNotSignedInAreSentToSignIn() async throws {
        try await withRoundtable { app in
            try await app.addUser("admin@ico.example", role: .admin)
            let response = try await Browser(app).get("/users")
            #expect(response.status == .seeOther)
            #expect(response.location == "/sign-in?next=/users")
        }
    }

    @Test func anOfficerIsRefusedTheUsersPageWithAPage() async throws {
        try await withRoundtable { app in
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let response = try await browser.get("/users")
            #expect(response.status == .forbidden)
            #expect(response.text.contains("Your role does not allow this."))
            #expect(!response.text.contains("href=\"/users\""))
        }
    }
}
