import Domain
import Foundation
import Markup

/// Pieces of the person and organisation pages.
enum RegistryViews {
    /// The links to a stakeholder's assessments and network.
    static func stakeholderLinks(_ resource: Resource, _ id: UUID, text: Localizer) -> Component {
        H.el("p", [("class", "actions")]) {
            H.link(text("assessments.link"), to: .record(resource, id, .assessments), [("class", "button secondary")])
            H.link(text("network.link"), to: .record(resource, id, .network), [("class", "button secondary")])
        }
    }
}
