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
/// `DATABASE_URL` names a PostgreSQL server — a private schema there, dropped afterwards.
func withRoundtable(
    sessionPolicy: SessionPolicy = .standard,
    _ test: (Application) async throws -> Void
) async throws {
    let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    var config = AppConfiguration(database: .sqliteMemory, sessionPolicy: sessionPolicy, bcryptCost: 4, logLevel: "warning")
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") {
        config.database = .postgres(url)
        config.postgresSearchPath = [schema]
    }
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    do {
        try await Roundtable.configure(app, config)
        try await test(app)
    } catch {
        await dropSchema(app, config: config, schema: schema)
        try? await app.asyncShutdown()
        throw error
    }
    await dropSchema(app, config: config, schema: schema)
    try await app.asyncShutdown()
}

private func dropSchema(_ app: Application, config: AppConfiguration, schema: String) async {
    guard config.database.isPostgres, let sql = app.db as? any SQLDatabase else { return }
    try? await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
}

extension Application {
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
