import Domain
import Features

/// Adding or editing a recommendation; its targets are typed by name, a line each.
enum RecommendationFormPage {
    struct Values: FormVersion, RecordFormValues {
        var title = "", text = "", level = "", status = RecommendationStatus.idea.rawValue, statusOn = ""
        var workingGroupID = "", confidentiality = Confidentiality.internal.rawValue, targets = ""
        var contextEventIDs: [String] = [], version = ""

        init() {}

        init(_ item: RecommendationRecord) {
            title = item.summary.title
            text = item.text ?? ""
            level = item.summary.level?.rawValue ?? ""
            status = item.summary.status.rawValue
            workingGroupID = item.workingGroup?.id.path ?? ""
            confidentiality = item.summary.confidentiality.rawValue
            targets = item.targets.map(\.name).joined(separator: "\n")
            contextEventIDs = item.contextEvents.map(\.id.path)
            version = String(item.version)
        }
    }

    struct Model: RecordFormModel {
        var existing: RecommendationRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: RecommendationRecord?
        var groups: [RecordRef], contextEvents: [RecordRef]
        var canWriteRestricted: Bool
    }
}
