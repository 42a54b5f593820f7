import Domain
import Features

/// Who does what where: the matrix of actors × themes, filtered by place and period.
enum CoordinationIndexPage {
    struct Model: Sendable {
        var matrix: CoordinationMatrix
        var placeID: String
        var from: String
        var to: String
        var places: [RecordRef]
        var canWrite: Bool
        var errors = Forms.Errors()

        var query: String { QueryString.encode([("place", placeID), ("from", from), ("to", to)]) }
    }
}
