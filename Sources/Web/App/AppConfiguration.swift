import Domain
import Foundation
import Storage

/// Everything that varies between deployments, in one typed value. Built from flags, then environment
/// variables, then defaults; the server, the CLI and the tests all build the app from one of these.
public struct AppConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    public var database: DatabaseLocation
    /// Load the demo data on start (if the database has none yet).
    public var demo: Bool
    public var sessionPolicy: SessionPolicy
    /// bcrypt work factor. 12 in production; tests use the minimum to stay fast.
    public var bcryptCost: Int
    /// Mark cookies `Secure` on every response (otherwise only when the request came over https,
    /// directly or per `X-Forwarded-Proto`).
    public var alwaysSecureCookies: Bool
    /// Believe `X-Forwarded-For` for the client's address (only behind a reverse proxy you run).
    public var trustProxy: Bool
    /// The bearer token Prometheus sends for `/metrics` (`ROUNDTABLE_METRICS_TOKEN`); without one, only the
    /// machine itself may read them (`MetricsAccess`).
    public var metricsToken: String?
    /// For PostgreSQL test isolation: the schema to use instead of `public`.
    public var postgresSearchPath: [String]?
    /// PostgreSQL connections per event loop (one event loop per core). Tests use 1: they run in parallel.
    public var postgresConnectionsPerEventLoop = 4
    public var logLevel: String
    /// The time zone new engagements start in (IANA name); each engagement keeps its own.
    public var timeZone = "UTC"
    /// The interface language for readers who have not chosen one and whose browser asks for none of ours,
    /// until an administrator sets the site's default (`ROUNDTABLE_LANGUAGE`: en, sq, sr-Cyrl, sr-Latn).
    public var language: Language = .english
    /// Where photo files are kept; nil means next to the SQLite file (`roundtable-photos`), or in the
    /// working directory for PostgreSQL, or a temporary folder for an in-memory database.
    public var photoDirectory: String?

    /// Where the erasure register is kept (`ROUNDTABLE_ERASURES`); nil means next to the SQLite file
    /// (`roundtable-erasures.jsonl`), or in the working directory for PostgreSQL. It must outlive backups:
    /// `restore` reads it to erase again whoever an older backup brings back.
    public var erasureRegisterPath: String?

    /// A database in memory starts as a copy of this SQLite file, already migrated, instead of empty (the tests'
    /// template, `SQLiteTestTemplate`: migrating a new database for each test was a quarter of the suite's time).
    /// Migrations still run on the copy and find nothing pending. Ignored for a file or PostgreSQL.
    public var memoryDatabaseSeed: String?

    /// A file to write every SQL statement and its values to (`ROUNDTABLE_CAPTURE_STATEMENTS`), for
    /// `bench/own-sql.sh` on demo data; see `StatementCaptureLogHandler`. Nil: no statement is logged.
    public var statementCapturePath: String?

    /// The erasure register this configuration means; none for a database in memory.
    public var resolvedErasureRegister: URL? {
        if let erasureRegisterPath { return URL(fileURLWithPath: erasureRegisterPath) }
        switch database {
        case .sqliteFile(let path):
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("roundtable-erasures.jsonl")
        case .sqliteMemory:
            return nil
        case .postgres:
            return URL(fileURLWithPath: "roundtable-erasures.jsonl")
        }
    }

    /// The photo folder this configuration means.
    public var resolvedPhotoDirectory: URL {
        if let photoDirectory { return URL(fileURLWithPath: photoDirectory, isDirectory: true) }
        switch database {
        case .sqliteFile(let path):
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("roundtable-photos", isDirectory: true)
        case .sqliteMemory:
            return FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-photos-\(UUID().uuidString)", isDirectory: true)
        case .postgres:
            return URL(fileURLWithPath: "roundtable-photos", isDirectory: true)
        }
    }

    public init(
        hostname: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseLocation = .sqliteFile(DatabaseLocation.defaultPath),
        demo: Bool = false,
        sessionPolicy: SessionPolicy = .standard,
        bcryptCost: Int = 12,
        alwaysSecureCookies: Bool = false,
        trustProxy: Bool = false,
        postgresSearchPath: [String]? = nil,
        logLevel: String = "info"
    ) {
        self.hostname = hostname
        self.port = port
        self.database = database
        self.demo = demo
        self.sessionPolicy = sessionPolicy
        self.bcryptCost = bcryptCost
        self.alwaysSecureCookies = alwaysSecureCookies
        self.trustProxy = trustProxy
        self.postgresSearchPath = postgresSearchPath
        self.logLevel = logLevel
    }

    /// Flags win over the environment, which wins over defaults.
    public static func resolve(
        hostname: String? = nil, port: Int? = nil, database: String? = nil, demo: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> AppConfiguration {
        var config = AppConfiguration()
        config.hostname = hostname ?? environment["ROUNDTABLE_HOSTNAME"] ?? config.hostname
        if let port { config.port = port } else if let raw = environment["ROUNDTABLE_PORT"] {
            guard let value = Int(raw), (1...65535).contains(value) else {
                throw ConfigurationError("ROUNDTABLE_PORT must be a port number (1–65535), not \"\(raw)\".")
            }
            config.port = value
        }
        do {
            config.database = try DatabaseLocation.parse(database ?? environment["DATABASE_URL"])
        } catch {
            throw ConfigurationError(error.description)
        }
        config.demo = demo
        config.trustProxy = environment["ROUNDTABLE_TRUST_PROXY"] == "1"
        config.alwaysSecureCookies = environment["ROUNDTABLE_SECURE_COOKIES"] == "1"
        config.metricsToken = environment["ROUNDTABLE_METRICS_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let minutes = environment["ROUNDTABLE_SESSION_IDLE_MINUTES"] {
            guard let value = Double(minutes), value > 0 else {
                throw ConfigurationError("ROUNDTABLE_SESSION_IDLE_MINUTES must be a positive number of minutes.")
            }
            config.sessionPolicy.idleTimeout = value * 60
        }
        if let tag = environment["ROUNDTABLE_LANGUAGE"] {
            guard let language = Language(tag: tag) else {
                throw ConfigurationError("ROUNDTABLE_LANGUAGE must be one of en, sq, sr-Cyrl, sr-Latn, not \"\(tag)\".")
            }
            config.language = language
        }
        config.logLevel = environment["LOG_LEVEL"] ?? config.logLevel
        config.photoDirectory = environment["ROUNDTABLE_PHOTOS"]
        config.erasureRegisterPath = environment["ROUNDTABLE_ERASURES"]
        config.statementCapturePath = environment["ROUNDTABLE_CAPTURE_STATEMENTS"].flatMap { $0.isEmpty ? nil : $0 }
        if let zone = environment["ROUNDTABLE_TIME_ZONE"] {
            guard LocalStart.zone(named: zone) != nil else {
                throw ConfigurationError("ROUNDTABLE_TIME_ZONE must be a time-zone name such as Europe/Belgrade or UTC, not \"\(zone)\".")
            }
            config.timeZone = zone
        } else if let local = TimeZone.current.identifier as String?, LocalStart.zone(named: local) != nil {
            config.timeZone = local
        }
        return config
    }
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
