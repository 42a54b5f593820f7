import Features

/// `/export`: every way to take the records out — one kind as CSV, or everything as a zip of JSON files —
/// saying that what comes out is what the reader's role may see.
enum ExportPage {
    struct Model: Sendable {
        var kinds: [RecordExport.Kind]
        /// The JSON files inside the zip.
        var files: [String], seesRestricted: Bool
    }
}
