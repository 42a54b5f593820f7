import Domain
import Features

/// Adding or editing a place: its kind, where it lies, its names in any number of languages.
enum PlaceFormPage {
    struct Values: FormVersion {
        var kind = PlaceKind.settlement.rawValue, parentID = "", latitude = "", longitude = "", version = ""
        /// Rows of language and name; the form shows these and a few empty rows.
        var names: [(String, String)] = []
    }

    struct Model: RecordFormModel {
        var existing: PlaceRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: PlaceRecord?
        var places: [RecordRef]
    }

    static let extraRows = 3
}
