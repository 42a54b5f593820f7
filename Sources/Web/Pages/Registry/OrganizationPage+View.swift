import Domain
import Features
import Markup

extension OrganizationPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let org = model.data.organization
        let deleted = org.deletedAt != nil
        return RecordHeader(.organization, org, list: text("organizations.title"), canWrite: model.canWrite,
                            canRestore: model.canRestore).page(chrome: chrome) {
            OrganizationViews.facts(org, text: text)
            if !deleted { RegistryViews.stakeholderLinks(.organization, org.id, text: text) }
            PositionViews.section(id: "people-heading", title: text("organizations.people"),
                                  now: (text("organizations.peopleNow"), model.current),
                                  before: (text("organizations.peopleBefore"), model.past), organizationLink: false,
                                  canWrite: model.canWrite, text: text) {
                if model.canWrite && !deleted {
                    H.el("a", [("href", SiteURL.new(.position).path + "?organization=" + org.id.path),
                               ("class", "button secondary")]) { Text(text("positions.new")) }
                }
            }
            if let relationship = model.relationship {
                EngagementViews.relationship(relationship, today: model.today, chrome: chrome)
            }
            AgreementViews.partyTo(model.agreements, text: text)
            RecommendationViews.section(model.recommendations, title: text("recommendations.addressedTo"), text: text)
            Section.unlessEmpty(model.data.children, id: "children-heading", title: text("organizations.children")) {
                Facts.links(model.data.children, .organization)
            }
        }
    }
}
