import Foundation
import Logging
import NIOConcurrencyHelpers

/// Writes every SQL statement the app sends, with the values bound to it, to a file: one JSON line each,
/// `{"sql": "…", "binds": ["Gashi", "12", "nil"]}`, each value as SQLKit describes it (`"\(value)"`).
/// `bench/own-sql.sh` reads it to time a page's own SQL on SQLite, which has no statement log of its own.
///
/// Only with `ROUNDTABLE_CAPTURE_STATEMENTS=file`, and only for measuring on demo data: the values are
/// people's names and notes. Off, nothing is logged and the database logs no statements at all.
///
/// SQLKit logs each statement at the database's `sqlLogLevel` (`.trace` while capturing) through the
/// request's logger, a copy of the app's. This handler answers `.trace` as its level, so those lines reach
/// it whatever `LOG_LEVEL` says, keeps the statements, and passes everything else at or above the level
/// that was set to swift-log's usual handler (standard error).
struct StatementCaptureLogHandler: LogHandler {
    private let file: CaptureFile
    private var console: StreamLogHandler
    var metadata: Logger.Metadata {
        get { console.metadata }
        set { console.metadata = newValue }
    }

    init(label: String, file: CaptureFile) {
        self.file = file
        self.console = StreamLogHandler.standardError(label: label)
    }

    /// What reaches `log`: everything. The level set (`LOG_LEVEL`) still decides what is printed.
    var logLevel: Logger.Level {
        get { .trace }
        set { console.logLevel = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { console[metadataKey: key] }
        set { console[metadataKey: key] = newValue }
    }

    func log(event: LogEvent) {
        if event.message.description == "Executing query", case .string(let sql)? = event.metadata?["sql"] {
            var binds: [String] = []
            if case .array(let values)? = event.metadata?["binds"] { binds = values.map(\.description) }
            file.append(sql: sql, binds: binds)
            return
        }
        guard event.level >= console.logLevel else { return }
        console.log(event: event)
    }

    /// The file, shared by every logger copied from the app's; lines are written whole, one at a time.
    final class CaptureFile: Sendable {
        private let handle: NIOLockedValueBox<FileHandle>

        init(path: String) throws {
            // Readable by the server's own user only: the values are people's names and notes.
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw ConfigurationError("ROUNDTABLE_CAPTURE_STATEMENTS: cannot write to \(path).")
            }
            self.handle = NIOLockedValueBox(handle)
        }

        func append(sql: String, binds: [String]) {
            struct Line: Encodable { var sql: String; var binds: [String] }
            guard var data = try? JSONEncoder().encode(Line(sql: sql, binds: binds)) else { return }
            data.append(0x0A)
            handle.withLockedValue { $0.write(data) }
        }
    }
}
