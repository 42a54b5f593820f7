import Domain
import Features
import Fluent
import Foundation
import Storage
import Vapor

/// `roundtable backup FILE` and `roundtable restore FILE`, for SQLite: one file holds the whole record —
/// the database and every photo and document file (`Storage/SQLiteBackup` writes and reads it; this side
/// chooses the files, keeps them inside their folder and words the command). PostgreSQL has pg_dump for this.
public enum Backup {
    public struct Summary: Sendable, Equatable {
        public var people: Int
        public var engagements: Int
        public var files: Int
        public var bytes: Int
        /// People the backup still held whom the erasure register says were erased since: erased again.
        public var erasedAgain = 0
    }

    public static func backup(_ config: AppConfiguration, to file: String) async throws -> Summary {
        guard case .sqliteFile = config.database else {
            throw RoundtableCLI.CommandFailure(description: "Backups of a PostgreSQL database are made with pg_dump: pg_dump --format=custom --file=roundtable.dump \"$DATABASE_URL\" (see the README), and the photo folder copied beside it.")
        }
        let target = URL(fileURLWithPath: file).standardizedFileURL
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw RoundtableCLI.CommandFailure(description: "\(file) already exists; a backup never overwrites a file. Choose a new name.")
        }
        return try await RoundtableCLI.withApp(config) { app in
            // The photo and document files go into the copy, so that one file restores everything.
            let folder = config.resolvedPhotoDirectory
            let packed = try await SQLiteBackup.write(app.db, to: target.path, files: regularFiles(under: folder)) { relative in
                try Data(contentsOf: folder.appendingPathComponent(relative))
            }
            return Summary(people: packed.people, engagements: packed.engagements, files: packed.files, bytes: packed.bytes)
        }
    }

    /// Restores into a database that does not exist yet (or has no records), and a photo folder without files.
    public static func restore(_ config: AppConfiguration, from file: String) async throws -> Summary {
        guard case .sqliteFile(let path) = config.database else {
            throw RoundtableCLI.CommandFailure(description: "Restoring into PostgreSQL is done with pg_restore (see the README); this command restores SQLite backups.")
        }
        let source = URL(fileURLWithPath: file).standardizedFileURL
        guard FileManager.default.fileExists(atPath: source.path) else { throw RoundtableCLI.CommandFailure(description: "There is no backup at \(file).") }
        let target = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: target.path) {
            throw RoundtableCLI.CommandFailure(description: "\(path) already exists; restore only into a new database, so nothing stored is overwritten. Move it away or choose another --database.")
        }
        // Said plainly before anything is copied: Foundation's own error names neither the folder nor the fix.
        let parent = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw RoundtableCLI.CommandFailure(description: "The folder \(parent.path) does not exist, so \(path) cannot be created there. Create the folder first (mkdir -p \(parent.path)) or choose another --database.")
        }
        let folder = config.resolvedPhotoDirectory
        guard regularFiles(under: folder).isEmpty else {
            throw RoundtableCLI.CommandFailure(description: "The photo folder \(folder.path) already has files; restore into an empty one (or set ROUNDTABLE_PHOTOS).")
        }
        try FileManager.default.copyItem(at: source, to: target)
        do {
            return try await RoundtableCLI.withApp(config) { app in
                guard try await SQLiteBackup.isBackup(app.db) else {
                    throw RoundtableCLI.CommandFailure(description: "\(file) is not a Roundtable backup (it has no files table).")
                }
                let unpacked = try await SQLiteBackup.unpack(app.db) { relative, data in
                    // Paths come from a file someone handed over: nothing may land outside the photo folder.
                    guard !relative.hasPrefix("/"), !relative.split(separator: "/").contains("..") else { return false }
                    let destination = folder.appendingPathComponent(relative)
                    try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: destination)
                    return true
                }
                // An erasure made after this backup was taken is made again, before anyone can read the record.
                let erasure = Erasure(database: app.db, text: Localizer(config.language), photos: PhotoStore(directory: folder),
                                      register: config.resolvedErasureRegister.map(ErasureRegister.init(file:)))
                let erasedAgain = try await erasure.replay().count
                var result = try await summary(app.db, files: unpacked.files, bytes: unpacked.bytes)
                result.erasedAgain = erasedAgain
                return result
            }
        } catch {
            // Nothing half-restored is left behind.
            try? FileManager.default.removeItem(at: target)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target.path + suffix) }
            throw error
        }
    }

    static func summary(_ database: any Database, files: Int, bytes: Int) async throws -> Summary {
        Summary(people: try await PersonModel.query(on: database).count(), engagements: try await EngagementModel.query(on: database).count(),
                files: files, bytes: bytes)
    }

    /// Paths of the files under a folder, relative to it.
    static func regularFiles(under folder: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var paths: [String] = []
        let base = folder.standardizedFileURL.path.hasSuffix("/") ? folder.standardizedFileURL.path : folder.standardizedFileURL.path + "/"
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let full = url.standardizedFileURL.path
            if full.hasPrefix(base) { paths.append(String(full.dropFirst(base.count))) }
        }
        return paths.sorted()
    }
}

/// `roundtable erasures list` and `roundtable erasures replay`: the erasure register read against the
/// database, for a PostgreSQL database brought back with `pg_restore` (which knows nothing of the register).
public enum ErasureCommands {
    public struct Line: Sendable, Equatable {
        public var person: UUID
        public var erasedAt: Date
        /// In the database again (restored from an older copy), so `replay` erases them.
        public var present: Bool
    }

    public struct Replayed: Sendable, Equatable {
        public var register: String
        /// How many people the register names.
        public var inRegister: Int
        public var erasedAgain: [Line]
    }

    static func register(_ config: AppConfiguration) throws -> ErasureRegister {
        guard let file = config.resolvedErasureRegister else {
            throw RoundtableCLI.CommandFailure(description: "A database in memory has no erasure register.")
        }
        return ErasureRegister(file: file)
    }

    public static func list(_ config: AppConfiguration) async throws -> (register: String, lines: [Line]) {
        let register = try register(config)
        let lines = try await RoundtableCLI.withApp(config) { app in
            try await Erasure(database: app.db, register: register).pending().map { Line(person: $0.entry.person, erasedAt: $0.entry.at, present: $0.present) }
        }
        return (register.file.path, lines)
    }

    public static func replay(_ config: AppConfiguration) async throws -> Replayed {
        let register = try register(config)
        let inRegister = Set(try register.entries().map(\.person)).count
        let replayed = try await RoundtableCLI.withApp(config) { app in
            try await Erasure(database: app.db, text: Localizer(config.language), photos: app.roundtable.photos, register: register).replay()
        }
        return Replayed(register: register.file.path, inRegister: inRegister,
                        erasedAgain: replayed.map { Line(person: $0.person, erasedAt: $0.at, present: false) })
    }
}
