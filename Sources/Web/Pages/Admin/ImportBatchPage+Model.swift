import Features

/// One uploaded file: while staged, its columns, problems, possible duplicates and the confirmation; then its
/// progress (refreshing itself, no script needed), and what became of it.
enum ImportBatchPage {
    struct Model: Sendable {
        var batch: ImportBatches.Batch
        var plan: ImportPlan? = nil, progress: ImportProgress.State? = nil
        var errors = Forms.Errors()
    }

    /// At most this many problems and duplicates are listed; a file with more needs fixing at its source.
    static let shown = 200

    static func listURL(_ kind: ImportKind) -> SiteURL {
        switch kind {
        case .people, .positions: return .list(.person)
        case .organizations: return .list(.organization)
        case .engagements: return .list(.engagement)
        }
    }
}
