import Domain
import Features

/// One agreement: its parties, its status over time, its documents, the working groups it started and the
/// engagements that discussed or signed it.
enum AgreementPage {
    struct Model: RecordAccess, Sendable {
        var agreement: AgreementRecord, canWrite: Bool, canRestore: Bool
        var groups: [WorkingGroupSummary] = [], documents: [AgreementDocument] = []
        /// A document upload that came back with mistakes: what was typed and each mistake at its field.
        var documentErrors = Forms.Errors(), documentTitle = ""

        var canChange: Bool { canWrite && !agreement.summary.isDeleted }
    }
}
