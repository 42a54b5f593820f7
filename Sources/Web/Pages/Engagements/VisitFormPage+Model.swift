import Domain
import Features

/// Planning or changing a field visit: its dates, places and delegation.
enum VisitFormPage {
    struct Values: FormVersion, RecordFormValues {
        var title = "", purpose = "", startsOn = "", endsOn = "", status = VisitStatus.planned.rawValue, summary = ""
        var placeIDs: [String] = [], userIDs: [String] = [], people = "", version = ""

        init() {}

        init(_ visit: FieldVisitRecord) {
            title = visit.summary.title
            purpose = visit.purpose ?? ""
            startsOn = visit.summary.startsOn.description
            endsOn = visit.summary.endsOn.description
            status = visit.summary.status.rawValue
            summary = visit.notes ?? ""
            placeIDs = visit.places.map { $0.id.uuidString.lowercased() }
            userIDs = visit.users.map { $0.id.uuidString.lowercased() }
            people = visit.people.map(\.name).joined(separator: "\n")
            version = String(visit.version)
        }
    }

    struct Model: RecordFormModel {
        var existing: FieldVisitRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: FieldVisitRecord?
        var places: [RecordRef], users: [RecordRef]
    }
}
