/// A short page for a report that cannot be made here (no Chromium for a PDF), with the way back.
enum ReportMessagePage {
    struct Model: Sendable {
        var message: String, back: SiteURL
    }
}
