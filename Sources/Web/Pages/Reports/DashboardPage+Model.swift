import Domain
import Features

/// The dashboard: the period report's figures as four key numbers and charts beside the previous period.
enum DashboardPage {
    struct Model: Sendable {
        var report: PeriodReport?
        var filter: PeriodFilter, seesRestricted: Bool
        /// A copy for publication (`for=publication`): small numbers suppressed; nil keeps the exact figures.
        var publication: SmallNumbers? = nil
    }
}
