import Domain
import Features
import Vapor

/// The signed-in user behind a request, and how they proved it.
struct CurrentUser: Sendable {
    enum Method: Sendable { case session(id: UUID), bearerToken }
    var user: UserSummary
    var method: Method

    var sessionID: UUID? { if case .session(let id) = method { return id } else { return nil } }
}

extension Request {
    private struct CurrentUserKey: StorageKey { typealias Value = CurrentUser }
    private struct CSRFKey: StorageKey { typealias Value = String }

    var currentUser: CurrentUser? {
        get { storage[CurrentUserKey.self] }
        set { storage[CurrentUserKey.self] = newValue }
    }

    /// The CSRF token forms on this page carry (the value of the `rt_csrf` cookie).
    var csrfToken: String {
        get { storage[CSRFKey.self] ?? "" }
        set { storage[CSRFKey.self] = newValue }
    }

    /// Who the audit trail should name for this request.
    var actor: Actor {
        if let current = currentUser { return .user(current.user, address: clientAddress) }
        return .anonymous(address: clientAddress)
    }

    var roundtable: RoundtableServices { application.roundtable }

    /// The client's address: the socket's peer, or the first `X-Forwarded-For` hop behind a trusted proxy.
    var clientAddress: String {
        if roundtable.configuration.trustProxy,
           let forwarded = headers.first(name: "X-Forwarded-For")?.split(separator: ",").first {
            return forwarded.trimmingCharacters(in: .whitespaces)
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }

    var isHTTPS: Bool {
        url.scheme == "https" || headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
    }

    var isAPI: Bool { received.isAPI }

    /// `https://host[:port]` as the client addressed this server (for addresses shown to be copied elsewhere,
    /// such as a calendar feed's). Falls back to the configured host when the Host header is missing or odd.
    var baseURL: String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-:[]"))
        let host = headers.first(name: .host).flatMap { raw -> String? in
            raw.isEmpty || raw.count > 255 || raw.unicodeScalars.contains(where: { !$0.isASCII || !allowed.contains($0) }) ? nil : raw
        } ?? "\(roundtable.configuration.hostname):\(roundtable.configuration.port)"
        return (isHTTPS ? "https" : "http") + "://" + host
    }
}
