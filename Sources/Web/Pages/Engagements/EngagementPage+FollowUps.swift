import Domain
import Features
import Markup

extension EngagementPage {
    /// What is to be done after it, by whom and when; and the form to add one.
    static func followUps(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.items(model.record.followUps, id: "follow-ups", title: text("engagements.followUps"),
                             none: text("engagements.noFollowUps")) {
            FollowUpViews.list($0, today: model.today, showEngagement: false, canWrite: model.canChange, chrome: chrome)
        } add: {
            if model.canChange {
                let form = SubForm(.followUp, model)
                form.element(.record(.engagement, model.record.id, .followUps), section: "follow-ups",
                             summary: text("engagements.addFollowUp"), chrome: chrome) {
                    form.field(text("engagements.followUp"), "text", required: true)
                    form.select(text("engagements.followUpOwner"), "ownerID",
                                options: Forms.refOptions(model.users, empty: text("engagements.noChoice")))
                    form.field(text("engagements.followUpDue"), "dueOn", type: "date")
                    Forms.submit(text("engagements.addFollowUp"), "secondary")
                }
            }
        }
    }
}
