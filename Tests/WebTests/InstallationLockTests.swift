import Domain
import Features
import FluentKit
import Foundation
import SQLKit
import Storage
import Testing
import VaporTesting
@testable import Web

/// Three `roundtable serve` processes started at the same moment on an empty PostgreSQL database, as a
/// systemd template unit or a deployment script starts them: Fluent's migrator takes no lock, and without
/// one the second process failed on a `CREATE TABLE` the first had just run.
@Suite("Work done once per installation")
struct InstallationLockTests {
    /// On PostgreSQL only (the suite runs there in CI with `DATABASE_URL`): a SQLite file has one process.
    @Test func threeServersStartedTogetherOnAnEmptyDatabaseMigrateOnceAndLoadTheDemoOnce() async throws {
        guard let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") else { return }
        let schema = "together_" + UUID().uuidString.prefix(8).lowercased()
        var config = AppConfiguration(database: .postgres(url), demo: true, bcryptCost: 4, logLevel: "warning")
        config.postgresSearchPath = [schema]
        config.postgresConnectionsPerEventLoop = 1
        let photos = FileManager.default.temporaryDirectory.appendingPathComponent("rt-together-\(schema)", isDirectory: true)
        config.photoDirectory = photos.path
        config.erasureRegisterPath = photos.appendingPathExtension("erasures.jsonl").path
        defer { try? FileManager.default.removeItem(at: photos) }

        var apps: [Application] = []
        for _ in 0..<3 { apps.append(try await Application.make(.testing)) }
        let started = apps, shared = config
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for app in started { group.addTask { try await Roundtable.configure(app, shared) } }
                try await group.waitForAll()
            }
            let sql = apps[0].db.sql
            let runs = try await sql.raw("SELECT count(*) AS n, count(DISTINCT name) AS distinct_names, max(batch) AS batches FROM _fluent_migrations").first()
            #expect(try runs?.decode(column: "n", as: Int.self) == MigrationList.all.count)
            #expect(try runs?.decode(column: "distinct_names", as: Int.self) == MigrationList.all.count)
            // One process applied them all in one batch; the others found none pending.
            #expect(try runs?.decode(column: "batches", as: Int.self) == 1)
            #expect(try await UserModel.query(on: apps[0].db).count() == DemoData.users.count)
            // Loading again adds nothing: the data is there once, from one loader.
            let again = try await DemoData(database: apps[1].db, hasher: apps[1].roundtable.hasher).load()
            #expect(again.peopleAdded == 0)
            // Every process serves the same installation.
            for app in apps { #expect(try await app.roundtable.isSetupNeeded(on: app.db) == false) }
        } catch {
            Issue.record("three servers together: \(String(reflecting: error))")
            try? await apps[0].db.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
            for app in apps { try? await app.asyncShutdown() }
            throw error
        }
        try? await apps[0].db.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
        for app in apps { try await app.asyncShutdown() }
    }
}
