import Features
import Foundation

/// The relationship network around one person or organisation, laid out on the server and drawn as SVG,
/// with every connection also listed as a table.
enum NetworkPage {
    struct Model: Sendable {
        var network: RelationshipNetwork, centre: UUID, centreIsPerson: Bool
        /// One or two steps out.
        var steps: Int

        var resource: Resource { centreIsPerson ? .person : .organization }
        var name: String { network.nodes.first { $0.step == 0 }?.name ?? "" }
    }

    static let width = 680.0, height = 560.0, margin = 56.0
    /// The frame of the drawing a phone shows: about as wide as its screen, and taller, its rings stretched.
    static let narrowWidth = 340.0, narrowHeight = 500.0, narrowMargin = 30.0
}
