import Foundation
import Testing
import VaporTesting
@testable import Web

/// A browser for tests: keeps cookies between requests and fills in the CSRF token of forms.
final class Browser: @unchecked Sendable {
    let app: Application
    var cookies: [String: String] = [:]

    init(_ app: Application) { self.app = app }

    var csrf: String? { cookies[CSRFMiddleware.cookie] }
    var session: String? { cookies[AuthenticationMiddleware.sessionCookie] }

    @discardableResult
    func get(_ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(.GET, path, headers: headers)
    }

    /// Posts a form as a browser would, with the token from the cookie unless `csrf` overrides it.
    @discardableResult
    func post(_ path: String, form: [String: String] = [:], csrf: String? = nil) async throws -> TestingHTTPResponse {
        if self.csrf == nil {
            // A browser is given its form token by the first page it opens, not by a redirect: follow one
            // (before anyone is set up, the sign-in page sends to the setup page).
            let first = try await get("/sign-in")
            if self.csrf == nil, let location = first.location { try await get(location) }
        }
        var fields = form
        if fields[CSRFMiddleware.field] == nil { fields[CSRFMiddleware.field] = csrf ?? self.csrf ?? "" }
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body)
    }

    @discardableResult
    func signIn(_ email: String, password: String = "correct horse battery") async throws -> TestingHTTPResponse {
        try await post("/sign-in", form: ["email": email, "password": password])
    }

    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: String? = nil) async throws -> TestingHTTPResponse {
        var headers = headers
        if !cookies.isEmpty {
            headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
        }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[.setCookie] {
            // "rt_flash=; Expires=…" clears a cookie: keep the empty value so the pair is still a pair.
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            let name = String(pair[0]).trimmingCharacters(in: .whitespaces)
            if header.contains("Max-Age=0") || header.lowercased().contains("expires=thu, 01 jan 1970") || pair[1].isEmpty {
                cookies[name] = nil
            } else {
                cookies[name] = String(pair[1])
            }
        }
        return response
    }

    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }
}

extension TestingHTTPResponse {
    var location: String? { headers.first(name: .location) }
    var text: String { body.string }
}
