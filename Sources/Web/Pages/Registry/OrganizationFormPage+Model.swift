import Domain
import Features

/// Adding or editing an organisation.
enum OrganizationFormPage {
    struct Values: FormVersion, RecordFormValues {
        var name = "", otherNames = "", kind = OrganizationKind.ngo.rawValue, level = "", parentID = "", placeID = ""
        var website = "", notes = "", version = ""

        init() {}

        init(_ org: OrganizationRecord) {
            name = org.name
            otherNames = org.otherNames.joined(separator: "\n")
            kind = org.kind
            level = org.level ?? ""
            parentID = org.parent?.id.path ?? ""
            placeID = org.place?.id.path ?? ""
            website = org.website ?? ""
            notes = org.notes ?? ""
            version = String(org.version)
        }
    }

    struct Model: RecordFormModel {
        var existing: OrganizationRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: OrganizationRecord?
        var organizations: [RecordRef], places: [RecordRef]
    }
}
