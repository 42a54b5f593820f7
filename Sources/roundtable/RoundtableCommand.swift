import ArgumentParser
import Foundation
import Web

/// The `roundtable` command. Subcommands parse flags and print; the work happens in `Web`'s entry points.
@main
struct RoundtableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roundtable",
        abstract: "Roundtable: the record of stakeholder engagement for peace-building field work.",
        subcommands: [Serve.self, Migrate.self, Users.self, Tokens.self, Demo.self, ImportCommand.self, ExportCommand.self, BackupCommand.self, RestoreCommand.self, Erasures.self]
    )
}

/// Options every command that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "A SQLite file path, sqlite:///path, or postgres://… (default: $DATABASE_URL, then ./roundtable.sqlite).")
    var database: String?

    func configuration(hostname: String? = nil, port: Int? = nil, demo: Bool = false) throws -> AppConfiguration {
        do {
            return try AppConfiguration.resolve(hostname: hostname, port: port, database: database, demo: demo)
        } catch {
            throw CLIFailure(RoundtableCLI.describe(error))
        }
    }

    /// The work of a command that opens the database: the configuration resolved, then `body` run on it with
    /// any failure reported as one line. Written once so every command fails the same way.
    func run<T>(_ body: (AppConfiguration) async throws -> T) async throws -> T {
        let config = try configuration()
        return try await reportingErrors { try await body(config) }
    }
}

/// Prints one clear line on standard error and exits non-zero.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command's work, turning any failure into one line a person can act on.
func reportingErrors<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as CLIFailure {
        throw error
    } catch {
        throw CLIFailure(RoundtableCLI.describe(error))
    }
}

extension RoundtableCommand {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start the web server (migrates the database first).")

        @Option(help: "The address to listen on.") var hostname: String?
        @Option(help: "The port to listen on.") var port: Int?
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Load the demo data and print the demo sign-in.") var demo = false

        func run() async throws {
            let config = try database.configuration(hostname: hostname, port: port, demo: demo)
            try await reportingErrors {
                try await RoundtableCLI.serve(config) { line in
                    // Straight to the file descriptor: print() is block-buffered when stdout is a pipe.
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            }
        }
    }

    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring the database's schema up to date.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let config = try database.configuration()
            try await reportingErrors { try await RoundtableCLI.migrate(config) }
            print("The database is up to date (\(config.database)).")
        }
    }

    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the demo data into a database.",
            discussion: "With --scale N, also add N synthetic people (and N/10 organisations with positions) for benchmarks."
        )
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Add this many synthetic people for benchmarks.") var scale: Int?

        func validate() throws {
            if let scale, !(1...2_000_000).contains(scale) { throw ValidationError("--scale must be between 1 and 2000000.") }
        }

        func run() async throws {
            let config = try database.configuration()
            let added = try await reportingErrors { try await RoundtableCLI.loadDemo(config) }
            print("Demo data loaded into \(config.database): \(added.usersAdded) new users, \(added.peopleAdded) new people. Sign in as james.holmes@ico.example with the password roundtable-demo.")
            if let scale {
                let summary = try await reportingErrors {
                    try await RoundtableCLI.generateScale(config, people: scale) { line in
                        FileHandle.standardOutput.write(Data("  … \(line)\n".utf8))
                    }
                }
                print("Added \(summary).")
            }
        }
    }

    struct BackupCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "backup",
            abstract: "Copy the SQLite database and its photos into one file, while the server keeps running.",
            discussion: "For PostgreSQL use pg_dump (see the README)."
        )
        @Argument(help: "The backup file to write (it must not exist yet).") var file: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let summary = try await database.run { config in try await Backup.backup(config, to: file) }
            print("Backed up \(summary.people) people, \(summary.engagements) engagements and \(summary.files) photo and document files (\(summary.bytes / 1024) KB) into \(file).")
        }
    }

    struct RestoreCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "restore",
            abstract: "Restore a backup into a new SQLite database (and an empty photo folder)."
        )
        @Argument(help: "The backup file.") var file: String
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let config = try database.configuration()
            let summary = try await reportingErrors { try await Backup.restore(config, from: file) }
            print("Restored \(summary.people) people, \(summary.engagements) engagements and \(summary.files) photo and document files into \(config.database).")
            if summary.erasedAgain > 0 {
                print("Erased again \(summary.erasedAgain) people whom the erasure register says were erased after this backup was taken.")
            }
        }
    }

    struct Erasures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The erasure register: list it, or erase again whoever a restored database brought back.",
            discussion: "After pg_restore of an older dump, run roundtable erasures replay before anyone signs in; restore does it itself for SQLite.",
            subcommands: [List.self, Replay.self]
        )

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the erasures in the register, and whether each person is in the database again.")
            @OptionGroup var database: DatabaseOptions

            func run() async throws {
                let (register, lines) = try await database.run { config in try await ErasureCommands.list(config) }
                for line in lines {
                    print("\(line.person.uuidString.lowercased())  erased \(line.erasedAt.ISO8601Format())  \(line.present ? "IN THE DATABASE AGAIN: run roundtable erasures replay" : "gone")")
                }
                print("\(lines.count) erasures in \(register); \(lines.filter(\.present).count) of those people are in the database again.")
            }
        }

        struct Replay: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Erase again everyone in the register whom the database holds again (safe to run twice).")
            @OptionGroup var database: DatabaseOptions

            func run() async throws {
                let replayed = try await database.run { config in try await ErasureCommands.replay(config) }
                for line in replayed.erasedAgain {
                    print("Erased again \(line.person.uuidString.lowercased()) (first erased \(line.erasedAt.ISO8601Format())).")
                }
                print("Erased again \(replayed.erasedAgain.count) of the \(replayed.inRegister) people in \(replayed.register); the others were not in the database.")
            }
        }
    }

    struct ExportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every record of one kind as CSV (UTF-8 with a byte-order mark, for Excel), or all of them as a zip of JSON files.",
            discussion: "roundtable export all --output roundtable.zip writes one JSON file per kind and a manifest into a new zip file."
        )
        @Argument(help: "people, organizations, places, engagements, agreements, recommendations, context-events, or all (a zip of JSON files; needs --output)") var kind: String
        @Option(help: "Write to this file instead of standard output (never over an existing file).") var output: String?
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let config = try database.configuration()
            if kind == "all" {
                guard let output else { throw CLIFailure("export all writes a zip file: give it a new file name with --output FILE.zip.") }
                let counts = try await reportingErrors { try await RoundtableCLI.exportAll(config, to: output) }
                print("Wrote \(output): " + counts.map { "\($0.count) in \($0.file)" }.joined(separator: ", ") + ".")
                return
            }
            let csv = try await reportingErrors { try await RoundtableCLI.export(config, kind: kind) }
            if let output {
                guard !FileManager.default.fileExists(atPath: output) else { throw CLIFailure("\(output) already exists; an export never overwrites a file.") }
                try Data(csv.utf8).write(to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(Data(csv.utf8))
            }
        }
    }

    struct ImportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Check a spreadsheet (CSV) and, when it is clean, import it in one transaction.",
            discussion: """
            Kinds: organizations, people, positions, engagements (in that order: positions and engagements name people and
            organisations already in the record). Columns are matched to fields by their headings; change that with
            --map "Heading=field" (or "Heading=" to leave a column out; a field two columns fill is a problem, as on the site,
            so leave the other column out too). Every problem is listed by row and column, and rows
            that look like someone already known are listed too; nothing is written until there are no problems and each of
            those rows is decided (--duplicates merge|new, or --merge ROW / --new ROW).
            """
        )
        @Argument(help: "organizations, people, positions or engagements") var kind: String
        @Argument(help: "The CSV file (UTF-8, with or without BOM; , ; or tab between cells).") var file: String
        @Flag(help: "Check only: list the problems and possible duplicates, write nothing.") var dryRun = false
        @Option(name: .customLong("map"), help: "Heading=field, to fill a field from a column the headings do not match.") var mappings: [String] = []
        @Option(help: "merge (rows that look like someone known are them) or new (they are someone else).") var duplicates: String?
        @Option(name: .customLong("merge"), help: "A row that is the record it looks like (repeatable).") var mergeRows: [Int] = []
        @Option(name: .customLong("new"), help: "A row that is someone else than the record it looks like (repeatable).") var newRows: [Int] = []
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let config = try database.configuration()
            var options = RoundtableCLI.ImportOptions(kind: kind, file: file)
            options.dryRun = dryRun
            options.mappings = mappings
            options.duplicates = duplicates
            options.mergeRows = mergeRows
            options.newRows = newRows
            let outcome = try await reportingErrors {
                try await RoundtableCLI.importFile(config, options) { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            }
            print(outcome.report.joined(separator: "\n"))
            if outcome.failed { throw ExitCode(1) }
        }
    }
}
