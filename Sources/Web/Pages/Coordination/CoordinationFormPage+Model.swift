import Domain
import Features

/// Recording or correcting another actor's activity; the organisation and contact are typed by name.
enum CoordinationFormPage {
    struct Values: FormVersion, RecordFormValues {
        var organization = "", theme = "", startsOn = "", endsOn = "", placeIDs: [String] = [], contact = "", notes = ""
        var version = ""

        init() {}

        init(_ activity: CoordinationRecord) {
            organization = activity.organization.name
            theme = activity.theme
            startsOn = activity.period.from?.description ?? ""
            endsOn = activity.period.to?.description ?? ""
            placeIDs = activity.places.map(\.id.path)
            contact = activity.contact?.name ?? ""
            notes = activity.notes ?? ""
            version = String(activity.version)
        }
    }

    struct Model: RecordFormModel {
        var existing: CoordinationRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: CoordinationRecord?
        var places: [RecordRef]
    }
}
