import Foundation
import Vapor

/// Removes files when the app shuts down: the temporary file behind an in-memory database
/// (`DatabaseSetup.memoryFiles`). A file still open by a connection closing later is only unlinked; the
/// system frees it when the last connection closes.
struct RemoveFilesAtShutdown: LifecycleHandler {
    let files: [URL]

    func shutdown(_ application: Application) {
        for file in files { try? FileManager.default.removeItem(at: file) }
    }
}

/// The files of the app's in-memory database, where it has one (for the test that they go at shutdown).
enum MemoryDatabaseFiles: StorageKey {
    typealias Value = [URL]
}
