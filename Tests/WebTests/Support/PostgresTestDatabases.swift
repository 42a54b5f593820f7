import FluentKit
import Foundation
import Logging
import NIOPosix
import SQLKit
import Storage
@testable import Web

/// On PostgreSQL, each test's database: a copy of one migrated once a run (`CREATE DATABASE … TEMPLATE`),
/// dropped when the test ends. Migrating a new schema for every test was some 200 statements of DDL, 0.4 s
/// of PostgreSQL's time each and most of the suite's on PostgreSQL; a copy takes a tenth of that. The
/// migrations still run on PostgreSQL once a run, into the template, through the same `Roundtable.configure`.
/// The role in `DATABASE_URL` must be allowed to create databases (CI's throwaway server's is a superuser).
actor PostgresTestDatabases {
    static let shared = PostgresTestDatabases()

    private var template: Task<String, any Error>?
    private var maintenance: (databases: Databases, threads: NIOThreadPool)?

    /// A new database holding every migration, and its URL.
    func create(from url: String) async throws -> (name: String, url: String) {
        let template = try await migratedTemplate(url)
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        try await run("CREATE DATABASE \(name) TEMPLATE \(template)", url: url)
        return (name, Self.url(url, database: name))
    }

    /// Drops a test's database, with any connection the test left open.
    func drop(_ name: String, url: String) async {
        try? await run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", url: url)
    }

    private func migratedTemplate(_ url: String) async throws -> String {
        if let template { return try await template.value }
        let task = Task {
            try await dropTemplatesOfEndedRuns(url)
            let name = "\(Self.templatePrefix)\(ProcessInfo.processInfo.processIdentifier)_\(UUID().uuidString.prefix(8).lowercased())"
            try await run("CREATE DATABASE \(name)", url: url)
            var config = AppConfiguration(database: .postgres(Self.url(url, database: name)), bcryptCost: 4, logLevel: "warning")
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rt-template-\(name)")
            config.photoDirectory = scratch.path
            config.erasureRegisterPath = scratch.appendingPathExtension("erasures.jsonl").path
            // The app is shut down when this returns: no connection is left on the template, as a copy needs.
            try await RoundtableCLI.migrate(config)
            try? FileManager.default.removeItem(at: scratch)
            return name
        }
        template = task
        return try await task.value
    }

    private static let templatePrefix = "rt_template_"

    /// A run's template outlives it (nothing runs when the suite ends); the next run drops those whose process
    /// has ended, named by its process identity, and leaves a run still going alone.
    private func dropTemplatesOfEndedRuns(_ url: String) async throws {
        let rows = try await maintenanceDatabase(url).sql.raw("SELECT datname FROM pg_database WHERE datname LIKE 'rt\\_template\\_%'").all()
        for row in rows {
            let name = try row.decode(column: "datname", as: String.self)
            guard let process = Int32(name.dropFirst(Self.templatePrefix.count).prefix { $0.isNumber }),
                  kill(process, 0) != 0, errno == ESRCH else { continue }
            try? await run("DROP DATABASE IF EXISTS \(name)", url: url)
        }
    }

    /// Runs a statement on the database `DATABASE_URL` names (where databases are created and dropped).
    private func run(_ statement: String, url: String) async throws {
        try await maintenanceDatabase(url).sql.raw(SQLQueryString(stringLiteral: statement)).run()
    }

    private func maintenanceDatabase(_ url: String) throws -> any Database {
        let databases: Databases
        if let maintenance {
            databases = maintenance.databases
        } else {
            let threads = NIOThreadPool(numberOfThreads: 1)
            threads.start()
            databases = Databases(threadPool: threads, on: MultiThreadedEventLoopGroup.singleton)
            databases.use(try DatabaseSetup.configuration(for: .postgres(url), searchPath: nil, connectionsPerEventLoop: 1), as: .psql)
            maintenance = (databases, threads)
        }
        var logger = Logger(label: "postgres-test-databases")
        logger.logLevel = .warning
        guard let database = databases.database(.psql, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any()) else {
            throw ConfigurationError("No PostgreSQL database at \(url).")
        }
        return database
    }

    /// `url` naming another database on the same server.
    static func url(_ url: String, database: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + database
        return components.string ?? url
    }
}
