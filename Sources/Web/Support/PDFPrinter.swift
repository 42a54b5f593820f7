import Foundation

/// Prints an HTML document to PDF with headless Chromium, when it is installed on the server (Debian:
/// `apt install chromium`). Without it there is no PDF, and the caller says so: the browser's own print
/// dialogue gives the same A4 page.
struct PDFPrinter: Sendable {
    let executable: URL

    /// Chromium from `ROUNDTABLE_CHROMIUM`, else the first of chromium, chromium-browser, google-chrome on the PATH.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> PDFPrinter? {
        if let configured = environment["ROUNDTABLE_CHROMIUM"], FileManager.default.isExecutableFile(atPath: configured) {
            return PDFPrinter(executable: URL(fileURLWithPath: configured))
        }
        let paths = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for path in paths {
                let candidate = URL(fileURLWithPath: String(path)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return PDFPrinter(executable: candidate) }
            }
        }
        return nil
    }

    enum Failure: Error { case failed }

    /// The PDF of `html`, which must be self-contained (Chromium reads it from a private temporary folder
    /// with no network of its own to fetch anything else).
    func pdf(of html: String) async throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("roundtable-pdf-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("report.html"), output = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.path)/profile",
                             "--print-to-pdf=\(output.path)", input.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let finished: Bool = await withCheckedContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus == 0) }
            do { try process.run() } catch { process.terminationHandler = nil; continuation.resume(returning: false) }
        }
        guard finished, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8)) else { throw Failure.failed }
        return data
    }
}
