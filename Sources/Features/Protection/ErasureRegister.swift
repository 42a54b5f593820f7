import Foundation

/// The erasures made, kept outside the database — a file of identifiers and times, nothing else — so
/// that restoring an older backup does not bring an erased person back: `roundtable restore` re-applies
/// every erasure in it (as django-gdpr-assist replays its erasure log). Without a file (a database in
/// memory) there is nothing to outlive.
public struct ErasureRegister: Sendable {
    public let file: URL

    public init(file: URL) { self.file = file }

    public struct Entry: Codable, Sendable, Equatable {
        public var person: UUID
        public var at: Date
    }

    /// One line a erasure, appended.
    public func add(_ person: UUID, at: Date) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var line = try encoder.encode(Entry(person: person, at: at))
        line.append(0x0A)
        if !FileManager.default.fileExists(atPath: file.path) {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Created readable by the server alone; a file that could not be made fails to open just below.
            _ = FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: line)
        try handle.synchronize()
    }

    public func entries() throws -> [Entry] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try String(decoding: Data(contentsOf: file), as: UTF8.self).split(separator: "\n").map {
            try decoder.decode(Entry.self, from: Data($0.utf8))
        }
    }
}
