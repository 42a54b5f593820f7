import Domain
import Features
import Markup

extension HomePage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let reads = model.role.can(.readRecords), writes = model.role.can(.writeRecords)
        return Layout.page(title: text("home.title"), chrome: chrome) {
            H.el("h1") { Text(text("home.welcome", model.name)) }
            Paragraph(text("home.role", text(model.role.labelKey), text(model.role.labelKey + ".help")))
            quickActions(model, chrome: chrome)
            if model.captureReviews > 0 {
                H.el("p", [("class", "notice")]) {
                    H.link(text("captures.reviewCount", model.captureReviews), to: .list(.captureReview))
                }
            }
            if writes {
                Section.view(id: "my-follow-ups", title: text("home.followUps")) {
                    if model.followUps.isEmpty {
                        Paragraph(text("home.followUps.none"))
                    } else {
                        FollowUpViews.list(Array(model.followUps.prefix(5)), today: model.today, showEngagement: true,
                                           canWrite: true, chrome: chrome)
                        if model.followUps.count > 5 {
                            H.el("p") { H.link(text("home.followUps.all", model.followUps.count), to: .list(.followUp)) }
                        }
                    }
                }
                Section.view(id: "my-engagements", title: text("home.myEngagements")) {
                    if model.myEngagements.isEmpty {
                        Paragraph(text("home.myEngagements.none"))
                    } else {
                        H.el("ul", [("class", "plain")]) {
                            for engagement in model.myEngagements {
                                H.el("li") { H.link(engagement.name, to: .record(.engagement, engagement.id)) }
                            }
                        }
                    }
                }
            }
            if reads {
                Section.view(id: "visits-under-way", title: text("home.visitsUnderWay")) {
                    if model.visitsUnderWay.isEmpty {
                        Paragraph(text("home.visitsUnderWay.none"))
                        if !model.latestVisits.isEmpty {
                            Paragraph(text("home.latestVisits"))
                            visits(model.latestVisits, text: text)
                        }
                    } else {
                        visits(model.visitsUnderWay, text: text)
                    }
                }
            }
            Section.view(id: "recent-heading", title: text("home.recent")) {
                if model.recent.isEmpty {
                    Paragraph(text("home.recent.none"))
                } else {
                    AuditTable.view(model.recent, text: text, showRecord: true)
                }
            }
        }
    }

    /// The actions people take most, one tap each.
    static func visits(_ visits: [FieldVisitSummary], text: Localizer) -> Component {
        H.el("ul", [("class", "plain")]) {
            for visit in visits {
                H.el("li") {
                    H.link(visit.title, to: .record(.visit, visit.id))
                    Text(" · " + text.days(visit.startsOn, visit.endsOn))
                }
            }
        }
    }

    static func quickActions(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let reads = model.role.can(.readRecords), writes = model.role.can(.writeRecords)
        return H.el("nav", [("class", "quick-actions"), ("aria-label", text("home.next"))]) {
            H.el("ul", [("class", "cards")]) {
                if writes {
                    H.el("li") { H.link(text("engagements.new"), to: .new(.engagement), [("class", "button primary")]) }
                    H.el("li") { H.link(text("home.addPerson"), to: .new(.person), [("class", "button secondary")]) }
                }
                if reads {
                    H.el("li") { H.link(text("nav.periodReport"), to: .periodReport, [("class", "button secondary")]) }
                }
                if writes { H.el("li") { H.link(text("nav.import"), to: .list(.importBatch), [("class", "button secondary")]) } }
                if model.canManageUsers { H.el("li") { H.link(text("home.manageUsers"), to: .list(.user)) } }
                if model.canViewAudit { H.el("li") { H.link(text("home.viewAudit"), to: .audit) } }
                H.el("li") { H.link(text("home.account"), to: .account) }
            }
        }
    }
}
