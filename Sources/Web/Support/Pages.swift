import Domain
import Vapor

/// Turning a rendered page into a response, and the frame's data from the request.
enum Pages {
    static let flashCookie = "rt_flash"

    static func chrome(for request: Request, current: SiteURL? = nil) -> Chrome {
        let text = request.localizer
        let flash = request.cookie(flashCookie).flatMap { Flash(cookieValue: $0) }
        return Chrome(text: text, user: request.currentUser.map { (name: $0.user.name, role: $0.user.role) }, current: current,
                      csrfToken: request.csrfToken, flash: flash.map { text.text($0.key, $0.arguments) },
                      switchPath: switchPath(request))
    }

    /// The page's address with its query but without `lang` (the language switch adds its own).
    static func switchPath(_ request: Request) -> String {
        let kept = (request.url.query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") && $0 != "lang" }
        return request.received.path + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }

    static func response(_ html: String, status: HTTPResponseStatus = .ok, request: Request) -> Response {
        let response = Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
        if request.cookie(flashCookie) != nil { response.cookies[flashCookie] = .expired }
        if OfflinePages.isAllowed(request) { response.headers.replaceOrAdd(name: OfflinePages.header, value: "keep") }
        return response
    }

    /// After a successful POST: go elsewhere and say what happened there.
    static func redirect(to url: SiteURL, flash: Flash? = nil, query: String? = nil) -> Response {
        let location = url.path + (query.map { "?" + $0 } ?? "")
        let response = Response(status: .seeOther, headers: ["Location": location])
        if let flash { response.cookies[flashCookie] = HTTPCookies.Value(string: flash.cookieValue, path: "/", isHTTPOnly: true, sameSite: .lax) }
        return response
    }
}

/// A message key and its arguments, carried across one redirect in a cookie.
/// Only catalogue keys are accepted back, so the cookie cannot inject arbitrary text.
struct Flash: Sendable, Equatable {
    var key: String
    var arguments: [String]

    init(_ key: String, _ arguments: String...) {
        self.key = key
        self.arguments = arguments
    }

    var cookieValue: String {
        ([key] + arguments).map { Data($0.utf8).base64EncodedString() }.joined(separator: ".")
    }

    init?(cookieValue: String) {
        let parts = cookieValue.split(separator: ".").compactMap { Data(base64Encoded: String($0)).map { String(decoding: $0, as: UTF8.self) } }
        guard let key = parts.first, Localizer().has(key), parts.count <= 5 else { return nil }
        self.key = key
        self.arguments = Array(parts.dropFirst()).map { String($0.prefix(200)) }
    }
}
