import Crypto
import Foundation
import Vapor

/// Who may read `/metrics` (the penetration test found them public: request counts by route tell an
/// outsider how the organisation works). With `ROUNDTABLE_METRICS_TOKEN`, whoever sends it as a bearer
/// token; without one, only the machine itself — a loopback peer that no proxy forwarded (Prometheus or
/// `curl` on the host). Everyone else is told there is nothing there (404), not that it is forbidden.
enum MetricsAccess {
    static func allows(token: String?, authorization: String?, peer: String?, forwarded: Bool) -> Bool {
        if let token {
            guard let authorization, authorization.hasPrefix("Bearer ") else { return false }
            // Compared in constant time, as every secret is.
            let sent = SHA256.hash(data: Data(authorization.dropFirst("Bearer ".count).utf8))
            let expected = SHA256.hash(data: Data(token.utf8))
            return Data(sent) == Data(expected)
        }
        guard !forwarded else { return false }
        // No peer at all is a request made inside the process (the tests), never one from the network.
        guard let peer else { return true }
        return peer == "127.0.0.1" || peer == "::1" || peer.hasPrefix("127.")
    }

    static func allows(_ req: Request) -> Bool {
        allows(token: req.roundtable.configuration.metricsToken, authorization: req.headers.first(name: .authorization),
               peer: req.remoteAddress?.ipAddress,
               forwarded: req.headers.contains(name: "X-Forwarded-For") || req.headers.contains(name: "Forwarded"))
    }
}
