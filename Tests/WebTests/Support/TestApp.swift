import Domain
import Features
import FluentKit
import Foundation
import SQLKit
import Storage
import Testing
import VaporTesting
@testable import Web

/// Runs a test against a freshly built Roundtable: SQLite in memory by default, or — when
/// `DATABASE_URL` names a PostgreSQL server — a database of its own there, dropped afterwards.
func withRoundtable(
    sessionPolicy: SessionPolicy = .standard,
    adjusting adjust: (inout AppConfiguration) -> Void = { _ in },
    _ test: (Application) async throws -> Void
) async throws {
    var config = AppConfiguration(database: .sqliteMemory, sessionPolicy: sessionPolicy, bcryptCost: 4, logLevel: "warning")
    // Tests run in parallel; on PostgreSQL each app holds connections, so only a few run at once.
    let server = ProcessInfo.processInfo.environment["DATABASE_URL"].flatMap { $0.hasPrefix("postgres") ? $0 : nil }
    let slot = server != nil ? await TestSlots.shared.acquire() : false
    defer { if slot { Task { await TestSlots.shared.release() } } }
    // On PostgreSQL, a database of this test's own (see `PostgresTestDatabases`), dropped at the end.
    var own: String?
    if let server {
        let created: (name: String, url: String)
        do {
            created = try await PostgresTestDatabases.shared.create(from: server)
        } catch {
            // A role that may not create databases, say: the driver's `description` would not tell.
            Issue.record("no database for the test on \(DatabaseLocation.postgres(server)): \(String(reflecting: error))")
            throw error
        }
        own = created.name
        config.database = .postgres(created.url)
        config.postgresConnectionsPerEventLoop = 1
    }
    // On SQLite, a copy of a database migrated once a run (see `SQLiteTestTemplate`).
    if server == nil { config.memoryDatabaseSeed = try await SQLiteTestTemplate.shared.path() }
    let name = own ?? UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    // Photos go to a folder of this test's own, removed at the end.
    let photos = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-test-photos-\(name)", isDirectory: true)
    config.photoDirectory = photos.path
    defer { try? FileManager.default.removeItem(at: photos) }
    // And an erasure register of its own (on PostgreSQL it would otherwise go to the working directory).
    let register = photos.appendingPathExtension("erasures.jsonl")
    config.erasureRegisterPath = register.path
    defer { try? FileManager.default.removeItem(at: register) }
    adjust(&config)
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        do {
            try await Roundtable.configure(app, config)
        } catch {
            // Driver errors hide their details from `description`; a failing setup should say why.
            Issue.record("setup failed: \(String(reflecting: error))")
            throw error
        }
        app.buildRoutesOnce()
        try await test(app)
    } catch {
        try? await app.asyncShutdown()
        if let own, let server { await PostgresTestDatabases.shared.drop(own, url: server) }
        throw error
    }
    try await app.asyncShutdown()
    if let own, let server { await PostgresTestDatabases.shared.drop(own, url: server) }
}

extension Application {
    /// The running server builds its router once, when it starts; Vapor's in-memory tester builds it again for
    /// every request (`Application.Responder.default`, all of Roundtable's routes and middleware), which was a
    /// twentieth of the suite's time. Kept here until a test adds a route of its own.
    func buildRoutesOnce() {
        let kept = KeptResponder()
        responder.use { app in kept.responder(for: app) }
    }

    /// Adds a user straight through the use case, as the CLI would.
    @discardableResult
    func addUser(_ email: String, role: Role, name: String? = nil, password: String = "correct horse battery") async throws -> UserSummary {
        try await AddUser(database: db, hasher: roundtable.hasher)(
            UserInput(email: email, name: name ?? email, role: role.rawValue), password: password, by: .commandLine
        ).user
    }

    func token(for email: String) async throws -> String {
        let user = try await UserLookup.byEmail(email, on: db)
        return try await APITokens(database: db).create(forUserID: user.id!, label: "test", by: .commandLine).secret
    }

    func auditEntries(action: AuditAction? = nil) async throws -> [AuditLog.Entry] {
        try await AuditLog(database: db).list(.init(action: action), pageSize: 1000, by: .commandLine).entries
    }
}

/// A counting semaphore for tests that hold database connections.
actor TestSlots {
    static let shared = TestSlots(limit: 8)
    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { available = limit }

    func acquire() async -> Bool {
        if available > 0 {
            available -= 1
        } else {
            await withCheckedContinuation { waiting.append($0) }
        }
        return true
    }

    func release() {
        if waiting.isEmpty { available += 1 } else { waiting.removeFirst().resume() }
    }
}

/// The router built for the routes an app has, built again only when their number changes.
private final class KeptResponder: @unchecked Sendable {
    private let lock = NSLock()
    private var built: (routes: Int, responder: any Responder)?

    func responder(for app: Application) -> any Responder {
        lock.withLock {
            let routes = app.routes.all.count
            if let built, built.routes == routes { return built.responder }
            let responder = app.responder.default
            built = (routes, responder)
            return responder
        }
    }
}
