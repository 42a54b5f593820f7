import Domain
import Features

/// Merging one record into another: what moves, and the confirmation.
enum MergePage {
    struct Model: Sendable {
        var kind: DuplicateCandidates.Kind, duplicate: RecordRef, kept: RecordRef
        /// What moves to the kept record: a catalogue key and how many.
        var moves: [Move], duplicateRestricted: Bool
        var errors = Forms.Errors()
    }

    struct Move: Sendable {
        var key: String
        var count: Int
    }
}
