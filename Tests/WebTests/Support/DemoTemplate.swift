import Foundation
@testable import Web

/// The demo, loaded once per run of the suite into a folder of its own (the SQLite file, its photos and its
/// erasure register), for the tests that start from it. Loading it goes through every use case — some 11,000
/// statements, nine seconds in a debug build — and seven tests start from it; each gets a copy of the folder,
/// so none sees another's changes. The test that the demo loads, and loads only once, still loads it itself.
actor DemoTemplate {
    static let shared = DemoTemplate()

    private var loading: Task<URL, any Error>?

    /// Copies the loaded demo's files into `folder`, as if the demo had been loaded there.
    func copy(into folder: URL) async throws {
        let template = try await loaded()
        for name in try FileManager.default.contentsOfDirectory(atPath: template.path) {
            try FileManager.default.copyItem(at: template.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
    }

    private func loaded() async throws -> URL {
        if let loading { return try await loading.value }
        let task = Task {
            let folder = Self.folder
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Removed when the run ends, as each test removes its own copy.
            atexit { try? FileManager.default.removeItem(at: DemoTemplate.folder) }
            var config = try AppConfiguration.resolve(database: folder.appendingPathComponent(Self.databaseFile).path, environment: [:])
            config.bcryptCost = 4
            // The app is shut down when this returns: its connections are closed and the file is whole.
            _ = try await RoundtableCLI.loadDemo(config)
            return folder
        }
        loading = task
        return try await task.value
    }

    private static let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("rt-demo-template-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")

    /// The file's name in every test's folder, so that a copy is where the test's configuration looks.
    static let databaseFile = "test.sqlite"
}
