import Features

/// The first step of an import: choose what the file holds and upload it; the files uploaded lately.
enum ImportUploadPage {
    struct Model: Sendable {
        var recent: [ImportBatches.Summary]
        /// What was chosen when the upload came back with mistakes.
        var values: [String: String] = [:], errors = Forms.Errors()
    }
}
