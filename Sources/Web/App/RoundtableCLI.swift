import Domain
import Features
import FluentKit
import Foundation
import NIOCore
import NIOPosix
import Storage
import Vapor

/// What the `roundtable` command runs. The executable only parses flags and prints; everything it
/// does goes through the same app and use cases as the web and the API.
public enum RoundtableCLI {
    public static func serve(_ config: AppConfiguration, announce: @Sendable (String) -> Void) async throws {
        // A request's awaits resume on the event loop that does its I/O instead of hopping to Swift
        // Concurrency's own threads and back: a page of ten statements made some forty thread switches,
        // a quarter of the server's time in the kernel's scheduler (perf, people list). Vapor's template does
        // the same. Only the server: tests and the other commands keep the default executor.
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let app = try await Application.make(Environment(name: "production", arguments: ["roundtable", "serve"]))
        do {
            try await Roundtable.configure(app, config)
            announce("Roundtable is running at http://\(config.hostname):\(config.port) on \(config.database).")
            if let path = config.statementCapturePath {
                announce("Every SQL statement is written to \(path) with its values (ROUNDTABLE_CAPTURE_STATEMENTS): for measuring on demo data only.")
            }
            if config.demo {
                announce("Demo sign-in: \(DemoData.users[0].email) with password \(DemoData.password) (administrator).")
                announce("Other demo users, same password: " + DemoData.users.dropFirst().map { "\($0.email) (\($0.role.rawValue))" }.joined(separator: ", ") + ".")
            } else if try await app.roundtable.isSetupNeeded(on: app.db) {
                announce("No users yet: open http://\(config.hostname):\(config.port)/setup to create the first administrator.")
            }
            // Load the dashboard's in-memory index while the first pages are served, not on the first report.
            let reach = app.roundtable.reach, database = app.db, logger = app.logger
            Task {
                let started = ContinuousClock.now
                guard (try? await reach.refresh(database)) != nil else { return }
                let took = ContinuousClock.now - started, size = await reach.size, bytes = await reach.estimatedBytes
                let seconds = Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18
                logger.debug("Reach index loaded in \(String(format: "%.2f", seconds)) s: \(size.engagements) engagements, \(size.people) people, about \(bytes / 1_000_000) MB")
            }
            try await app.execute()
            // Stop taking requests and let those under way finish before the databases close: Vapor's own
            // shutdown closes the databases first, and a request still running then crashed the process.
            await app.server.shutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// Runs `body` against a configured app without serving HTTP.
    static func withApp<T: Sendable>(_ config: AppConfiguration, _ body: (Application) async throws -> T) async throws -> T {
        let app = try await Application.make(Environment(name: "production", arguments: ["roundtable"]))
        // The command reports failures itself, in one line; the connection pool's own logging would repeat them.
        app.logger.logLevel = .critical
        do {
            var quiet = config
            quiet.logLevel = "critical"
            try await Roundtable.configure(app, quiet)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    public static func migrate(_ config: AppConfiguration) async throws {
        try await withApp(config) { _ in }
    }

    public struct AddedUser: Sendable {
        public var email: String
        public var role: String
        public var generatedPassword: String?
    }

    public static func addUser(_ config: AppConfiguration, email: String, name: String, role: String, password: String?) async throws -> AddedUser {
        try await withApp(config) { app in
            let result = try await AddUser(database: app.db, hasher: app.roundtable.hasher)(
                UserInput(email: email, name: name, role: role), password: password, by: .commandLine
            )
            return AddedUser(email: result.user.email, role: result.user.role.rawValue, generatedPassword: result.generatedPassword)
        }
    }

    public static func listUsers(_ config: AppConfiguration) async throws -> [UserSummary] {
        try await withApp(config) { app in try await ListUsers(database: app.db)(by: .commandLine) }
    }

    public static func disableUser(_ config: AppConfiguration, email: String) async throws -> UserSummary {
        try await withApp(config) { app in try await SetUserDisabled(database: app.db).byEmail(email, disabled: true, by: .commandLine) }
    }

    /// Returns the generated password when `password` is nil or empty.
    public static func setPassword(_ config: AppConfiguration, email: String, password: String?) async throws -> String? {
        try await withApp(config) { app in
            let user = try await UserLookup.byEmail(email, on: app.db)
            return try await SetPassword(database: app.db, hasher: app.roundtable.hasher)(userID: user.id!, newPassword: password, by: .commandLine)
        }
    }

    /// Turns off a user's two-factor sign-in: for an administrator who lost both their phone and their recovery
    /// codes when no other administrator can reset it. Audited as done by "cli". Returns whether it was on.
    public static func resetTwoFactor(_ config: AppConfiguration, email: String) async throws -> Bool {
        try await withApp(config) { app in
            let user = try await UserLookup.byEmail(email, on: app.db)
            let twoFactor = TwoFactor(database: app.db)
            let wasOn = try await twoFactor.status(userID: user.id!).isEnabled
            try await twoFactor.reset(userID: user.id!, by: .commandLine)
            return wasOn
        }
    }

    public static func createToken(_ config: AppConfiguration, email: String, label: String?) async throws -> String {
        try await withApp(config) { app in
            let user = try await UserLookup.byEmail(email, on: app.db)
            return try await APITokens(database: app.db).create(forUserID: user.id!, label: label, by: .commandLine).secret
        }
    }

    public struct DemoResult: Sendable {
        public var usersAdded: Int
        public var peopleAdded: Int
    }

    public static func loadDemo(_ config: AppConfiguration) async throws -> DemoResult {
        try await withApp(config) { app in
            let summary = try await DemoData(database: app.db, hasher: app.roundtable.hasher, photos: app.roundtable.photos).load()
            return DemoResult(usersAdded: summary.usersAdded, peopleAdded: summary.peopleAdded)
        }
    }

    /// A command that cannot do what was asked, and says what to do instead.
    public struct CommandFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Every record of a kind as CSV (the command line sees everything, as the machine's operator).
    public static func export(_ config: AppConfiguration, kind: String) async throws -> String {
        guard let kind = RecordExport.Kind(rawValue: kind) else {
            throw CommandFailure(description: "Unknown kind \"\(kind)\"; choose one of: " + RecordExport.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        return try await withApp(config) { app in CSV.document(try await RecordExport(database: app.db).rows(kind, by: .commandLine)) }
    }

    /// Every record of every kind as a zip of JSON files at `path`, which must not exist yet. Returns the
    /// manifest's counts, file by file.
    public static func exportAll(_ config: AppConfiguration, to path: String) async throws -> [(file: String, count: Int)] {
        let target = URL(fileURLWithPath: path).standardizedFileURL
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw CommandFailure(description: "\(path) already exists; an export never overwrites a file. Choose a new name.")
        }
        return try await withApp(config) { app in
            let manifest = try await DatabaseExport(database: app.db).write(to: target, by: .commandLine)
            return DatabaseExport.files.map { ($0, manifest.counts[$0] ?? 0) }
        }
    }

    /// Adds `people` synthetic people (and a tenth as many organisations) for benchmarks.
    public static func generateScale(_ config: AppConfiguration, people: Int, progress: @escaping @Sendable (String) -> Void) async throws -> String {
        try await withApp(config) { app in
            let summary = try await ScaleData(database: app.db).generate(people: people, progress: progress)
            return "\(summary.people) people, \(summary.organizations) organisations, \(summary.positions) positions, \(summary.engagements) engagements with \(summary.participations) participations"
        }
    }

    /// One line a person can act on, for any error a command can meet.
    public static func describe(_ error: any Error) -> String {
        let text = Localizer()
        switch error {
        case let error as DomainError:
            switch error {
            case .invalid, .conflict:
                return issues(error).map { "\($0.field): \(text.message($0))" }.joined(separator: "; ")
            case .notFound(let what): return "No \(what) with that identity."
            case .gone: return text("error.gone")
            case .forbidden: return text("error.forbidden")
            case .notAllowed(let key): return text(key)
            default: return "\(error)"
            }
        case let error as ConfigurationError: return error.description
        case let error as DatabaseLocation.ParseError: return error.description
        case let error as RoundtableCLI.CommandFailure: return error.description
        default:
            // Driver errors hide their details from `description` (they may hold credentials); say what
            // a person can check instead.
            let detail = String(reflecting: error)
            if detail.contains("Connection refused") || detail.contains("connectionError") {
                return "Could not connect to the PostgreSQL server. Is it running, and are the host, port and user in --database or DATABASE_URL right?"
            }
            if detail.contains("cantOpen") {
                return "Could not open the SQLite database file. Does its folder exist, and may this user write there?"
            }
            if detail.contains("Address already in use") {
                return "The port is already in use. Stop the other program or choose another with --port."
            }
            return String(describing: error)
        }
    }

    private static func issues(_ error: DomainError) -> [FieldIssue] {
        switch error {
        case .invalid(let issues): return issues
        case .conflict(let issue): return [issue]
        default: return []
        }
    }
}
