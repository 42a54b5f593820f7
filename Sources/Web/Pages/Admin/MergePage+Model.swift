import Domain
import Features

/// Merging one record into another: what moves, and the confirmation.
enum MergePage {
    struct Model: Sendable {
        var kind: DuplicateCandidates.Kind
        var duplicate: RecordRef
        var kept: RecordRef
        /// What moves to the kept record: a catalogue key and how many.
        var moves: [Move]
        var duplicateRestricted: Bool
        var errors = Forms.Errors()
    }

    struct Move: Sendable {
        var key: String
        var count: Int
    }
}
