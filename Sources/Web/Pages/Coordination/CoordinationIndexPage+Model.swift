import Domain
import Features

/// Who does what where: the matrix of actors × themes, filtered by place and period.
enum CoordinationIndexPage {
    struct Model: Sendable {
        var matrix: CoordinationMatrix
        /// The filters as chosen, and the mistakes in them.
        var placeID: String, from: String, to: String
        var places: [RecordRef], canWrite: Bool
        var errors = Forms.Errors()

        var query: String { QueryString.encode([("place", placeID), ("from", from), ("to", to)]) }
    }
}
