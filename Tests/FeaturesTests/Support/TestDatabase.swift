import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import Storage
import Testing

/// Runs a use-case test against a freshly migrated database and nothing else (no web server): SQLite in
/// memory by default, or — when `DATABASE_URL` names a PostgreSQL server — a private schema there,
/// dropped afterwards.
func withDatabase(_ test: (any Database) async throws -> Void) async throws {
    let schema = "f_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
    var location = DatabaseLocation.sqliteMemory
    var searchPath: [String]?
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], url.hasPrefix("postgres") {
        location = .postgres(url)
        searchPath = [schema]
    }
    let threads = NIOThreadPool(numberOfThreads: 1)
    threads.start()
    let databases = Databases(threadPool: threads, on: MultiThreadedEventLoopGroup.singleton)
    let memoryIdentifier = UUID().uuidString
    databases.use(try DatabaseSetup.configuration(for: location, searchPath: searchPath, connectionsPerEventLoop: 1,
                                                  memoryIdentifier: memoryIdentifier),
                  as: DatabaseSetup.databaseID(for: location))
    var logger = Logger(label: "features-tests")
    logger.logLevel = .warning
    let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
    guard let db = databases.database(logger: logger, on: eventLoop) else { throw TestDatabaseError.noDatabase }
    do {
        try await DatabaseSetup.prepare(db, location: location, searchPath: searchPath)
        let migrations = Migrations()
        migrations.add(MigrationList.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoop)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        try await test(db)
    } catch {
        await tearDown()
        throw error
    }
    await tearDown()

    func tearDown() async {
        if let schema = searchPath?.first, let sql = db as? any SQLDatabase { try? await sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
        await databases.shutdownAsync()
        try? await threads.shutdownGracefully()
        for file in DatabaseSetup.memoryFiles(identifier: memoryIdentifier) { try? FileManager.default.removeItem(at: file) }
    }
}

enum TestDatabaseError: Error { case noDatabase }
