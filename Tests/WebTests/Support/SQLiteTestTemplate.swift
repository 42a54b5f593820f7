import Foundation
import SQLKit
import Vapor
@testable import Web

/// On SQLite, the database every test starts from: one in memory, migrated once a run through the same
/// `Roundtable.configure`, and copied out with `VACUUM INTO`. Each test's in-memory database begins as a copy
/// of it (`AppConfiguration.memoryDatabaseSeed`), where migrating a new one — some 200 statements of DDL, each
/// making every connection parse the schema again — was a quarter of the suite's time (`perf`). The migrations
/// still run on every copy, find nothing pending, and so are still checked on every test's database.
actor SQLiteTestTemplate {
    static let shared = SQLiteTestTemplate()

    private var template: Task<String, any Error>?

    /// The template's path, made on the first call of the run.
    func path() async throws -> String {
        if let template { return try await template.value }
        let task = Task {
            let file = Self.file
            // Removed when the run ends, as `DemoTemplate`'s folder is.
            atexit { try? FileManager.default.removeItem(at: SQLiteTestTemplate.file) }
            let app = try await Application.make(.testing)
            app.logger.logLevel = .warning
            do {
                var config = AppConfiguration(database: .sqliteMemory, bcryptCost: 4, logLevel: "warning")
                let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rt-template-\(UUID().uuidString.prefix(8))")
                config.photoDirectory = scratch.path
                config.erasureRegisterPath = scratch.appendingPathExtension("erasures.jsonl").path
                try await Roundtable.configure(app, config)
                try await app.db.sql.raw("VACUUM INTO \(bind: file.path)").run()
                try await app.asyncShutdown()
                try? FileManager.default.removeItem(at: scratch)
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            return file.path
        }
        template = task
        return try await task.value
    }

    private static let file = FileManager.default.temporaryDirectory
        .appendingPathComponent("rt-sqlite-template-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).sqlite")
}
