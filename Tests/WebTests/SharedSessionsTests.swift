import Domain
import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("Several server processes share one database")
struct SharedSessionsTests {
    /// Two apps on one SQLite file stand in for two `roundtable serve` processes behind a proxy.
    @Test func aSessionStartedOnOneServerWorksOnAnother() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rt-shared-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var config = AppConfiguration(database: .sqliteFile(directory.appendingPathComponent("shared.sqlite").path), bcryptCost: 4, logLevel: "warning")
        if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") {
            config.database = .postgres(url)
            config.postgresSearchPath = ["shared_" + UUID().uuidString.prefix(8).lowercased()]
            config.postgresConnectionsPerEventLoop = 1
        }
        let first = try await Application.make(.testing)
        let second = try await Application.make(.testing)
        do {
            try await Roundtable.configure(first, config)
            try await Roundtable.configure(second, config)
            try await first.addUser("kubra@ico.example", role: .coordinator)

            let onFirst = Browser(first)
            try await onFirst.signIn("kubra@ico.example")
            let onSecond = Browser(second)
            onSecond.cookies = onFirst.cookies
            let home = try await onSecond.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Welcome, kubra@ico.example."))
            // signing out on the second ends it on the first
            try await onSecond.post("/sign-out")
            let after = try await onFirst.get("/")
            #expect(after.status == .seeOther)
        } catch {
            try? await first.asyncShutdown(); try? await second.asyncShutdown()
            throw error
        }
        try await first.asyncShutdown()
        try await second.asyncShutdown()
    }
}
