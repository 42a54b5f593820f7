import Prometheus
import Vapor

/// Counts requests and their durations by route pattern (never by concrete path, which would leak
/// identities into metrics and grow without bound).
struct MetricsMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            record(request, status: 500, since: start)
            throw error
        }
        record(request, status: Int(response.status.code), since: start)
        return response
    }

    static var requests: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "roundtable", subsystem: "http", metricName: "requests", unitName: "total", helpText: "HTTP requests answered."
    ) }
    static var duration: MetricNameDescriptor { MetricNameDescriptor(
        namespace: "roundtable", subsystem: "http", metricName: "request_duration", unitName: "seconds",
        helpText: "Time to answer HTTP requests."
    ) }

    private func record(_ request: Request, status: Int, since start: ContinuousClock.Instant) {
        let registry = request.roundtable.metrics
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        let labels = [("method", request.method.rawValue), ("route", route), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(
            descriptor: Self.duration,
            labels: [("method", request.method.rawValue), ("route", route)],
            buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5)]
        ).record(ContinuousClock.now - start)
    }
}
