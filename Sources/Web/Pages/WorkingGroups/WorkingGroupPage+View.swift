import Domain
import Features
import Markup

extension WorkingGroupPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let group = model.group
        let summary = group.summary
        let current = group.members.filter { $0.isCurrent(on: model.today) }
        let former = group.members.filter { !$0.isCurrent(on: model.today) }
        return RecordHeader(.workingGroup, group, list: text("groups.title"),
                            restricted: summary.confidentiality == .restricted,
                            canWrite: model.canWrite, canRestore: model.canRestore).page(chrome: chrome) {
            WorkingGroupViews.facts(group, text: text)
            Section.view(id: "members", title: text("groups.membersTitle")) {
                if current.isEmpty { Paragraph(text("record.none")) } else { members(current, text: text) }
                if !former.isEmpty {
                    H.el("h3") { Text(text("groups.formerMembers")) }
                    members(former, text: text)
                }
            }
            Section.items(group.meetings, id: "meetings", title: text("groups.meetings"),
                          none: text("groups.noMeetings")) {
                EngagementViews.list($0, text: text)
            }
            deliverables(model, chrome: chrome)
            RecommendationViews.section(model.recommendations, title: text("recommendations.fromGroup"), text: text)
        }
    }

    static func members(_ items: [WorkingGroupMember], text: Localizer) -> Component {
        H.el("ul", [("class", "plain")]) {
            for member in items {
                H.el("li") {
                    H.link(member.person.name, to: .record(.person, member.person.id))
                    Text(" — " + text("memberPart.\(member.part.rawValue)"))
                    if member.period.from != nil || member.period.to != nil {
                        H.text("span", [("class", "muted")],
                               " (\(member.period.from?.description ?? "…") – \(member.period.to?.description ?? "…"))")
                    }
                }
            }
        }
    }
}
