import Features

/// A stakeholder's assessments over time (influence, interest, stance), with the form for a new one.
enum AssessmentsPage {
    struct Model: Sendable {
        var subject: StakeholderRef, history: [AssessmentRecord], canWrite: Bool
        var values = AssessmentInput(), errors = Forms.Errors()
    }
}
