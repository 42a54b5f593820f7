import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("Health, metrics and the API description")
struct SystemTests {
    /// sqlite-kit keeps an in-memory database in a temporary file; the app removes it when it shuts down, or
    /// every test (and every `roundtable … --database :memory:`) left one behind.
    @Test func anInMemoryDatabaseLeavesNoFileBehind() async throws {
        let app = try await Application.make(.testing)
        try await Roundtable.configure(app, AppConfiguration(database: .sqliteMemory, bcryptCost: 4, logLevel: "warning"))
        let file = try #require(app.storage[MemoryDatabaseFiles.self]?.first)
        #expect(FileManager.default.fileExists(atPath: file.path), "the database is where sqlite-kit keeps it")
        try await app.asyncShutdown()
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func healthSaysTheDatabaseIsReachable() async throws {
        try await withRoundtable { app in
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(response.status == .ok)
            #expect(response.body.string.contains("\"state\":\"reachable\""))
            #expect(response.body.string.contains("\"status\":\"ok\""))
        }
    }

    @Test func metricsCountRequestsByRoutePattern() async throws {
        try await withRoundtable { app in
            _ = try await app.testing().sendRequest(.GET, "/healthz")
            _ = try await app.testing().sendRequest(.GET, "/api/v1/users/\(UUID().uuidString)")
            let response = try await app.testing().sendRequest(.GET, "/metrics")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType)?.hasPrefix("text/plain") == true)
            let text = response.body.string
            #expect(text.contains("roundtable_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 1"))
            #expect(text.contains("route=\"/api/v1/users/:id\""))
            #expect(text.contains("roundtable_http_request_duration_seconds_bucket"))
        }
    }

    /// The document is hand-written; this keeps it honest: every API route is described, and nothing
    /// described is missing from the server. (Schemathesis checks the shapes in CI.)
    @Test func theOpenAPIDocumentDescribesEveryRoute() async throws {
        try await withRoundtable { app in
            let response = try await app.testing().sendRequest(.GET, "/api/openapi.yaml")
            #expect(response.status == .ok)
            let document = response.body.string
            #expect(document.hasPrefix("openapi: 3.1.0"))
            let described = Self.operations(in: document)
            let served = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }.joined(separator: "/")
                guard path.hasPrefix("/api/") || path == "/healthz" || path == "/metrics" else { return nil }
                return "\(route.method.rawValue) \(path)"
            })
            #expect(described == served)
        }
    }

    /// `METHOD /path` for each operation, read from the document's indentation.
    static func operations(in yaml: String) -> Set<String> {
        var operations = Set<String>()
        var path: String?
        var inPaths = false
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            if inPaths, !line.hasPrefix(" "), !line.isEmpty { inPaths = false }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("    "), !line.hasPrefix("     "), let path,
               ["get:", "post:", "put:", "patch:", "delete:"].contains(trimmed) {
                operations.insert("\(trimmed.dropLast().uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test func theStylesheetIsServedAndCached() async throws {
        try await withRoundtable { app in
            let response = try await app.testing().sendRequest(.GET, "/static/app.css")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType)?.hasPrefix("text/css") == true)
            #expect(response.body.string.contains("@media"))
        }
    }
}
