import Domain
import Features
import Fluent
import Foundation
import Prometheus
import Storage
import Vapor

/// Builds the app. The server, the command line and the tests all go through `configure`.
public enum Roundtable {
    /// Brings the schema up to date with one line for the operator ("37 migrations applied") instead of two
    /// lines per migration before the address; the migrator's own lines show at `debug`. Under the
    /// installation's lock (`DatabaseSetup.exclusively`): servers started together migrate one after the
    /// other, and each looks at what is pending only once it holds the lock, so the later ones find nothing.
    static func migrate(_ app: Application, _ config: AppConfiguration, logLevel: Logger.Level) async throws {
        var logger = app.logger
        if logLevel > .debug { logger.logLevel = max(logLevel, .notice) }
        let id = DatabaseSetup.databaseID(for: config.database)
        guard let database = app.databases.database(id, logger: logger, on: app.eventLoopGroup.any()) else {
            throw ConfigurationError("The database \(config.database) is not configured.")
        }
        let migrations = app.migrations, location = config.database, searchPath = config.postgresSearchPath
        let pending = try await DatabaseSetup.exclusively(database, location: location, searchPath: searchPath) { locked in
            try await DatabaseSetup.prepare(locked, location: location, searchPath: searchPath)
            // Every migration runs on the connection that holds the lock.
            let migrator = Migrator(databaseFactory: { _ in locked }, migrations: migrations, on: locked.eventLoop)
            try await migrator.setupIfNeeded().get()
            let pending = try await migrator.previewPrepareBatch().get().count
            try await migrator.prepareBatch().get()
            return pending
        }
        if pending > 0, logLevel <= .notice { app.logger.notice("Database schema brought up to date: \(pending) migrations applied.") }
    }

    public static func configure(_ app: Application, _ config: AppConfiguration) async throws {
        // Read the catalogues now: a broken one stops the start with its file and line, not a page later.
        try Catalogues.checkShipped()
        if let path = config.statementCapturePath {
            let file = try StatementCaptureLogHandler.CaptureFile(path: path)
            app.logger = Logger(label: app.logger.label) { StatementCaptureLogHandler(label: $0, file: file) }
        }
        // A new in-memory database for each app, even two built from one configuration, as before.
        let memoryIdentifier = UUID().uuidString
        app.databases.use(
            try DatabaseSetup.configuration(for: config.database, searchPath: config.postgresSearchPath,
                                            connectionsPerEventLoop: config.postgresConnectionsPerEventLoop,
                                            logStatements: config.statementCapturePath != nil, memoryIdentifier: memoryIdentifier),
            as: DatabaseSetup.databaseID(for: config.database)
        )
        if case .sqliteMemory = config.database {
            let files = DatabaseSetup.memoryFiles(identifier: memoryIdentifier)
            // Before any connection opens the file: sqlite-kit opens whatever is there.
            if let seed = config.memoryDatabaseSeed { try FileManager.default.copyItem(atPath: seed, toPath: files[0].path) }
            app.storage[MemoryDatabaseFiles.self] = files
            app.lifecycle.use(RemoveFilesAtShutdown(files: files))
        }
        app.migrations.add(MigrationList.all)
        // The file's settings (SQLite) and the schema (PostgreSQL) come first, in `migrate`.
        try await migrate(app, config, logLevel: Logger.Level(rawValue: config.logLevel) ?? .info)
        // SQLite keeps some settings per connection, and each event loop has a connection of its own.
        let id = DatabaseSetup.databaseID(for: config.database)
        let perLoop = app.eventLoopGroup.makeIterator().compactMap { app.databases.database(id, logger: app.logger, on: $0) }
        try await DatabaseSetup.configureConnections(perLoop, location: config.database)

        app.roundtable = RoundtableServices(
            configuration: config,
            hasher: BcryptHasher(threadPool: app.threadPool, cost: config.bcryptCost),
            metrics: PrometheusCollectorRegistry(),
            openAPIDocument: try Self.resource("openapi", "yaml"),
            stylesheet: try Self.resource("app", "css"),
            script: try Self.resource("app", "js"),
            offlineScript: try Self.resource("offline", "js"),
            serviceWorker: try Self.resource("sw", "js")
                .replacingOccurrences(of: "__VERSION__", with: String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36))
        )

        app.http.server.configuration.hostname = config.hostname
        app.http.server.configuration.port = config.port
        app.routes.defaultMaxBodySize = "1mb"
        if let level = Logger.Level(rawValue: config.logLevel) { app.logger.logLevel = level }

        // Outermost first: metrics see everything, headers go on error pages too, errors are rendered
        // before they leave, and only then come identity, the access rule and the CSRF check.
        app.middleware = Middlewares()
        app.middleware.use(MetricsMiddleware())
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ProblemMiddleware())
        app.middleware.use(ContentEncodingMiddleware())
        app.middleware.use(AuthenticationMiddleware())
        app.middleware.use(LanguageMiddleware())
        app.middleware.use(AccessMiddleware())
        app.middleware.use(CSRFMiddleware())

        SystemController().register(app)
        SessionController().register(app)
        HomeController().register(app)
        UsersController().register(app)
        AuditController().register(app)
        AccountController().register(app)
        SettingsController().register(app)
        SavedFiltersController().register(app)
        CapturesController().register(app)
        PeopleController().register(app)
        PeopleBulkController().register(app)
        ErasureController().register(app)
        RetentionController().register(app)
        OrganizationsController().register(app)
        PositionsController().register(app)
        PlacesController().register(app)
        CommunitiesController().register(app)
        VisitsController().register(app)
        ContextEventsController().register(app)
        AgreementsController().register(app)
        WorkingGroupsController().register(app)
        RecommendationsController().register(app)
        CoordinationController().register(app)
        ReportsController().register(app)
        PublicUpdateController().register(app)
        PeriodReportController().register(app)
        StakeholdersController().register(app)
        SearchController().register(app)
        ExportController().register(app)
        ImportController().register(app)
        DuplicatesController().register(app)
        CalendarFeedController().register(app)
        EngagementsController().register(app)
        EngagementNotesController().register(app)
        FollowUpsController().register(app)
        PhotosController().register(app)
        EngagementKindsController().register(app)
        UsersAPIController().register(app)
        TokensAPIController().register(app)
        CalendarFeedAPIController().register(app)
        AuditAPIController().register(app)
        PeopleAPIController().register(app)
        OrganizationsAPIController().register(app)
        PositionsAPIController().register(app)
        PlacesAPIController().register(app)
        CommunitiesAPIController().register(app)
        VisitsAPIController().register(app)
        ContextEventsAPIController().register(app)
        AgreementsAPIController().register(app)
        WorkingGroupsAPIController().register(app)
        RecommendationsAPIController().register(app)
        CoordinationAPIController().register(app)
        EngagementsAPIController().register(app)

        try await Sessions(database: app.db, policy: config.sessionPolicy).pruneExpired()
        if config.demo {
            // Once per installation too: the loader looks for its data before adding it, and two loaders
            // looking at the same moment would both add it.
            let hasher = app.roundtable.hasher, photos = app.roundtable.photos
            _ = try await DatabaseSetup.exclusively(app.db, location: config.database, searchPath: config.postgresSearchPath) { locked in
                try await DemoData(database: locked, hasher: hasher, photos: photos).load()
            }
        }
    }

    static func resource(_ name: String, _ ext: String) throws -> String {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
            throw ConfigurationError("The resource \(name).\(ext) is missing from the build.")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
