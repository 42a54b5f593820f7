import Foundation

/// Where the data lives, as given by `--database` or `DATABASE_URL`.
public enum DatabaseLocation: Equatable, Sendable, CustomStringConvertible {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(String)

    public static let defaultPath = "./roundtable.sqlite"

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// Accepts a file path, `sqlite:///path`, `sqlite::memory:`, or `postgres://…` / `postgresql://…`.
    public static func parse(_ raw: String?) throws(ParseError) -> DatabaseLocation {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            return .sqliteFile(defaultPath)
        }
        if raw.hasPrefix("postgres://") || raw.hasPrefix("postgresql://") {
            guard URL(string: raw)?.host != nil else {
                throw ParseError(description: "The PostgreSQL URL \"\(redacted(raw))\" has no host; expected postgres://user@host:port/database.")
            }
            return .postgres(raw)
        }
        if raw == "sqlite::memory:" || raw == ":memory:" { return .sqliteMemory }
        if raw.hasPrefix("sqlite://") {
            let path = String(raw.dropFirst("sqlite://".count))
            guard !path.isEmpty else {
                throw ParseError(description: "The SQLite URL \"\(raw)\" has no path; expected sqlite:///path/to/file.sqlite.")
            }
            return .sqliteFile(path)
        }
        if let scheme = raw.range(of: "://").map({ String(raw[..<$0.lowerBound]) }) {
            throw ParseError(description: "Unknown database kind \"\(scheme)\"; use a file path, sqlite:///path or postgres://….")
        }
        return .sqliteFile(raw)
    }

    public var isPostgres: Bool { if case .postgres = self { return true } else { return false } }

    /// Safe to print: passwords in URLs are hidden.
    public var description: String {
        switch self {
        case .sqliteFile(let path): return "SQLite file \(path)"
        case .sqliteMemory: return "SQLite in memory"
        case .postgres(let url): return "PostgreSQL \(Self.redacted(url))"
        }
    }

    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "•••"
        return components.string ?? url
    }
}
