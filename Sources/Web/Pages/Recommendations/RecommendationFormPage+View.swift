import Domain
import Features
import Markup

extension RecommendationFormPage: RecordFormPage {
    static let form = RecordForm(.recommendation, keys: "recommendations")

    static func fields(_ values: Values, _ errors: Forms.Errors, _ model: Model, text: Localizer) -> Component {
        Forms.title(values.title, errors, text)
        Forms.textarea(label: text("recommendations.text"), name: "text", value: values.text, error: errors["text"],
                       rows: 5)
        Forms.select(label: text("recommendations.status"), name: "status",
                     options: Forms.options(RecommendationStatus.self, prefix: "recommendationStatus", text: text),
                     selected: values.status, error: errors["status"])
        Forms.field(label: text("recommendations.statusOn"), name: "statusOn", type: "date", value: values.statusOn,
                    error: errors["statusOn"], help: text("recommendations.statusOn.help"))
        Forms.select(label: text("recommendations.level"), name: "level",
                     options: Forms.options(GovernanceLevel.self, prefix: "level", text: text,
                                            empty: text("engagements.noChoice")),
                     selected: values.level, error: errors["level"])
        // Named after the field the domain reports on, so the error summary's link lands here.
        Forms.textarea(label: text("recommendations.targets"), name: "targets", value: values.targets,
                       error: errors["targetIDs"], help: text("recommendations.targets.typed"), id: "f-targetIDs")
        Forms.select(label: text("recommendations.group"), name: "workingGroupID",
                     options: Forms.refOptions(model.groups, empty: text("engagements.noChoice")),
                     selected: values.workingGroupID, error: errors["workingGroupID"])
        Forms.multiple(label: text("recommendations.context"), name: "contextEventIDs", refs: model.contextEvents,
                       selected: values.contextEventIDs, error: errors["contextEventIDs"],
                       help: text("recommendations.targets.help"))
        Forms.confidentiality(selected: values.confidentiality, canWriteRestricted: model.canWriteRestricted,
                              label: text("recommendations.confidentiality"), error: errors["confidentiality"],
                              text: text)
    }

    static func theirs(_ record: RecommendationRecord, text: Localizer) -> Component? {
        RecommendationViews.facts(record, text: text)
    }
}
