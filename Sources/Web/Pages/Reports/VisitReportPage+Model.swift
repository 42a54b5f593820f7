import Features

/// The visit report: one body, shown on the site (print-ready on A4) and exported as a single HTML file
/// with its styles and photos inside.
enum VisitReportPage {
    struct Model: Sendable {
        var report: VisitReport
        /// "Drafted 2023-08-12 14:00 for Arta Krasniqi (Officer)": whose view of the record it is.
        var drafted: String, canWrite: Bool
    }
}
