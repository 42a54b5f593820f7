import Domain
import Foundation

/// The folder photos are kept in, outside the database. Files are named by identity; nothing a user typed
/// ever becomes part of a path.
public struct PhotoStore: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    func url(_ name: String) -> URL { directory.appendingPathComponent(name, isDirectory: false) }

    func write(_ bytes: [UInt8], named name: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(bytes).write(to: url(name), options: .atomic)
    }

    public func read(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    func remove(_ name: String) { try? FileManager.default.removeItem(at: url(name)) }

    /// A copy at most `size` pixels wide or high, made by libvips' `vipsthumbnail` when it is installed
    /// (Debian: `libvips-tools`); nil when it is not or it fails — pages then show the original, scaled.
    func makeSmall(from name: String, kind: ImageFile.Kind, size: Int = 640) async -> String? {
        guard let tool = Self.thumbnailer else { return nil }
        let smallName = name.replacingOccurrences(of: ".\(kind.fileExtension)", with: "-small.\(kind.fileExtension)")
        let process = Process()
        process.executableURL = tool
        // `>`: only ever smaller; `[strip]` keeps the small copy free of metadata too.
        process.arguments = [url(name).path, "--size", "\(size)x\(size)>", "-o", url(smallName).path + "[strip]"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished: Bool = await withCheckedContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus == 0) }
            do { try process.run() } catch { process.terminationHandler = nil; continuation.resume(returning: false) }
        }
        return finished && FileManager.default.fileExists(atPath: url(smallName).path) ? smallName : nil
    }

    static let thumbnailer: URL? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { URL(fileURLWithPath: String($0)).appendingPathComponent("vipsthumbnail") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
