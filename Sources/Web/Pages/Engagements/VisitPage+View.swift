import Domain
import Features
import Markup

extension VisitPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let visit = model.visit
        let deleted = visit.summary.isDeleted
        return RecordHeader(.visit, visit, list: text("visits.title"), canWrite: model.canWrite,
                            canRestore: model.canRestore).page(chrome: chrome) {
            facts(visit, text: text)
            if !deleted {
                H.el("p", [("class", "actions")]) {
                    H.link(text("report.open"), to: .record(.visit, visit.id, .report), [("class", "button secondary")])
                    H.link(text("publicUpdate.open"), to: .record(.visit, visit.id, .publicUpdate),
                           [("class", "button secondary")])
                }
            }
            H.el("section", [("aria-labelledby", "engagements")]) {
                H.el("div", [("class", "title-row")]) {
                    H.el("h2", [("id", "engagements")]) { Text(text("visits.engagements")) }
                    if model.canWrite && !deleted {
                        H.el("a",
                             [("href", SiteURL.new(.engagement).path + "?visit=" + visit.id.uuidString.lowercased()),
                                   ("class", "button secondary")]) { Text(text("visits.logEngagement")) }
                    }
                }
                if model.engagements.isEmpty && model.context.isEmpty {
                    Paragraph(text("record.none"))
                } else {
                    EngagementViews.timeline(model.engagements, context: model.context, newestFirst: false, text: text)
                }
            }
        }
    }

    /// The visit's facts; also shown beside the form when someone else saved first.
    static func facts(_ visit: FieldVisitRecord, text: Localizer) -> Component {
        let delegation: Component? = visit.users.isEmpty && visit.people.isEmpty ? nil : H.el("ul",
                [("class", "plain")]) {
            for user in visit.users { H.text("li", [], user.name) }
            for person in visit.people { H.el("li") { H.link(person.name, to: .record(.person, person.id)) } }
        }
        return Facts.list([
            (text("visits.dates"), Text(text.days(visit.summary.startsOn, visit.summary.endsOn))),
            (text("visits.status"), Text(text("visitStatus.\(visit.summary.status.rawValue)"))),
            (text("visits.purpose"), Facts.plain(visit.purpose)),
            (text("visits.places"), Facts.links(visit.places, .place)),
            (text("visits.delegation"), delegation),
            (text("visits.summary"), Facts.plain(visit.notes)),
        ], text: text)
    }
}
