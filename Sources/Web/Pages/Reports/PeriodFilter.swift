import Domain
import Features
import Markup

/// The one filter of the period report and the dashboard: from, until, and a place.
struct PeriodFilter: Sendable {
    var from: String
    var to: String
    var placeID: String
    var places: [RecordRef]
    var errors = Forms.Errors()

    /// The filter's fields that are set, as a link or a form carries them on.
    var fields: [(name: String, value: String)] {
        [("from", from), ("to", to), ("place", placeID)].filter { !$0.1.isEmpty }
    }

    var query: String { QueryString.encode(fields.map { ($0.name, $0.value) }) }

    func form(action: SiteURL, text: Localizer) -> Component {
        Filters.form(action: action, submit: text("period.show"), cssClass: "filters no-print", text: text) {
            Filters.period(from: from, to: to, errors: errors, text: text, labels: ("period.from", "period.to"))
            Forms.select(label: text("period.placeFilter"), name: "place",
                         options: Forms.refOptions(places, empty: text("period.everywhere")), selected: placeID,
                         error: errors["place"])
        }
    }
}
