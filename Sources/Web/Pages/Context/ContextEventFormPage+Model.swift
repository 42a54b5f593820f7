import Domain
import Features

/// Recording or correcting a context event.
enum ContextEventFormPage {
    struct Values: FormVersion, RecordFormValues {
        var title = "", kind = "", severity = Severity.moderate.rawValue, startsOn = "", endsOn = "", description = ""
        var sourceURL = "", confidentiality = Confidentiality.internal.rawValue, placeIDs: [String] = [], version = ""

        init() {}

        init(_ event: ContextEventRecord) {
            let summary = event.summary
            title = summary.title
            kind = summary.kind.rawValue
            severity = summary.severity.rawValue
            startsOn = summary.period.startsOn.description
            endsOn = summary.period.isSingleDay ? "" : summary.period.endsOn.description
            description = event.description ?? ""
            sourceURL = event.sourceURL ?? ""
            confidentiality = summary.confidentiality.rawValue
            placeIDs = summary.places.map { $0.id.uuidString.lowercased() }
            version = String(event.version)
        }
    }

    struct Model: RecordFormModel {
        var existing: ContextEventRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: ContextEventRecord?
        var places: [RecordRef], canWriteRestricted: Bool
    }
}
