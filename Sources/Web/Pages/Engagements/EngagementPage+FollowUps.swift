import Domain
import Features
import Markup

extension EngagementPage {
    /// What is to be done after it, by whom and when; and the form to add one.
    static func followUps(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let items = model.record.followUps
        let overdue = items.contains { $0.isOverdue(today: model.today) }
        let mark = overdue ? H.text("span", [("class", "badge badge-overdue")], text("followUps.overdue")) : nil
        return part(id: "follow-ups", title: text("engagements.followUps"), fold: (items.count, mark),
                    add: addFollowUp(model, chrome: chrome), text: text) {
            if items.isEmpty { Paragraph(text("engagements.noFollowUps")) }
            if !items.isEmpty {
                FollowUpViews.list(items, today: model.today, showEngagement: false, canWrite: model.canChange,
                                   chrome: chrome)
            }
        }
    }

    static func addFollowUp(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return addForm(.followUp, to: .followUps, section: "follow-ups", text("engagements.addFollowUp"), model, chrome: chrome) { form in
            form.field(text("engagements.followUp"), "text", required: true)
            form.select(text("engagements.followUpOwner"), "ownerID",
                        options: Forms.refOptions(model.users, empty: text("engagements.noChoice")))
            form.field(text("engagements.followUpDue"), "dueOn", type: "date")
        }
    }
}
