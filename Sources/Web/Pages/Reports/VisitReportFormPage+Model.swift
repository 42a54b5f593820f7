import Features

/// The author's sections of a visit report, with the version they started from.
enum VisitReportFormPage {
    struct Model: Sendable {
        var visit: FieldVisitRecord, values: VisitReportNarrative
        var errors = Forms.Errors()
        /// Someone else saved first: theirs, shown above the form that keeps what this author wrote.
        var theirs: VisitReportNarrative?
    }
}
