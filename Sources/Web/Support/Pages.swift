import Domain
import Vapor

/// Turning a rendered page into a response, and the frame's data from the request.
enum Pages {
    static let flashCookie = "rt_flash"

    static func chrome(for request: Request, current: SiteURL? = nil) -> Chrome {
        let text = request.localizer
        var nav: [Chrome.NavItem] = []
        if let user = request.currentUser?.user {
            nav.append(.init(labelKey: "nav.home", url: .home, isCurrent: current == .home))
            if user.role.can(.readRecords) {
                nav.append(.init(labelKey: "nav.people", url: .list(.person), isCurrent: current == .list(.person)))
                nav.append(.init(labelKey: "nav.organizations", url: .list(.organization), isCurrent: current == .list(.organization)))
                nav.append(.init(labelKey: "nav.places", url: .list(.place), isCurrent: current == .list(.place)))
                nav.append(.init(labelKey: "nav.visits", url: .list(.visit), isCurrent: current == .list(.visit)))
                nav.append(.init(labelKey: "nav.engagements", url: .list(.engagement), isCurrent: current == .list(.engagement)))
                nav.append(.init(labelKey: "nav.agreements", url: .list(.agreement), isCurrent: current == .list(.agreement)))
                nav.append(.init(labelKey: "nav.workingGroups", url: .list(.workingGroup), isCurrent: current == .list(.workingGroup)))
                nav.append(.init(labelKey: "nav.recommendations", url: .list(.recommendation), isCurrent: current == .list(.recommendation)))
                nav.append(.init(labelKey: "nav.context", url: .list(.contextEvent), isCurrent: current == .list(.contextEvent)))
                nav.append(.init(labelKey: "nav.coordination", url: .list(.coordination), isCurrent: current == .list(.coordination)))
                nav.append(.init(labelKey: "nav.dashboard", url: .dashboard, isCurrent: current == .dashboard))
                nav.append(.init(labelKey: "nav.export", url: .export, isCurrent: current == .export))
            }
            if user.role.can(.writeRecords) {
                nav.append(.init(labelKey: "nav.followUps", url: .list(.followUp), isCurrent: current == .list(.followUp)))
                nav.append(.init(labelKey: "nav.import", url: .list(.importBatch), isCurrent: current == .list(.importBatch)))
            }
            if user.role.can(.manageUsers) { nav.append(.init(labelKey: "nav.users", url: .list(.user), isCurrent: current == .list(.user))) }
            if user.role.can(.manageSettings) {
                nav.append(.init(labelKey: "nav.communities", url: .list(.community), isCurrent: current == .list(.community)))
                nav.append(.init(labelKey: "nav.engagementKinds", url: .list(.engagementKind), isCurrent: current == .list(.engagementKind)))
            }
            if user.role.can(.viewAuditTrail) { nav.append(.init(labelKey: "nav.audit", url: .audit, isCurrent: current == .audit)) }
            nav.append(.init(labelKey: "nav.account", url: .account, isCurrent: current == .account))
        }
        let flashKey = request.cookies[flashCookie]?.string
        let flash = flashKey.flatMap { Flash(cookieValue: $0) }
        return Chrome(
            text: text, userName: request.currentUser?.user.name, nav: nav, csrfToken: request.csrfToken,
            flash: flash.map { text.text($0.key, $0.arguments) }, flashIsError: false,
            canSearch: request.currentUser?.user.role.can(.readRecords) ?? false
        )
    }

    static func response(_ html: String, status: HTTPResponseStatus = .ok, request: Request) -> Response {
        let response = Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .init(string: html))
        if request.cookies[flashCookie] != nil { response.cookies[flashCookie] = .expired }
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
