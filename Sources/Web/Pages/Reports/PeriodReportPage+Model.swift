import Features

/// The period report: each figure beside the previous period's, with downloads for a donor.
enum PeriodReportPage {
    struct Model: Sendable {
        /// Nil until the filter names a period that can be counted.
        var report: PeriodReport?
        var filter: PeriodFilter, seesRestricted: Bool
    }
}
