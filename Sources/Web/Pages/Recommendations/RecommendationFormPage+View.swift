import Domain
import Features
import Markup

extension RecommendationFormPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let values = model.values, errors = model.errors
        let frame = RecordFormFrame(
            title: model.existing.map { text("recommendations.edit") + ": " + $0.summary.title } ?? text("recommendations.new"),
            action: model.existing.map { .record(.recommendation, $0.id) } ?? .list(.recommendation),
            version: values.version, errors: errors,
            conflict: .of(model.conflict.map { RecommendationViews.facts($0, text: text) }, text: text))
        return frame.page(chrome: chrome) {
            Forms.field(label: text("engagements.titleField"), name: "title", value: values.title, error: errors["title"],
                        required: true)
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
                                  label: text("recommendations.confidentiality"), error: errors["confidentiality"], text: text)
        }
    }
}
