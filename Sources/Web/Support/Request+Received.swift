import Vapor

/// What a request says about itself that the middlewares and pages ask several times: its path, whether it
/// is the API's, its cookies. Vapor works each out again on every read (the path through `URLComponents` and a
/// `%3B` replacement, the cookies by parsing the whole `Cookie` header), and authentication, CSRF, language and
/// access each read them: a tenth of a signed-in `/healthz` (`perf`). Read once here, before anything can
/// change them; answers change only the response's cookies, not the request's.
struct ReceivedRequest: Sendable {
    let path: String
    let isAPI: Bool
    let cookies: HTTPCookies

    init(_ request: Request) {
        path = request.url.path
        isAPI = path.hasPrefix("/api/")
        cookies = request.cookies
    }
}

extension Request {
    private struct ReceivedKey: StorageKey { typealias Value = ReceivedRequest }

    var received: ReceivedRequest {
        if let known = storage[ReceivedKey.self] { return known }
        let facts = ReceivedRequest(self)
        storage[ReceivedKey.self] = facts
        return facts
    }

    /// A cookie's value as the browser sent it.
    func cookie(_ name: String) -> String? { received.cookies[name]?.string }
}
