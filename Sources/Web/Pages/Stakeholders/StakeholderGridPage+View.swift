import Domain
import Features
import Markup

extension StakeholderGridPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.titled(text("stakeholders.title"), chrome: chrome) {
            Paragraph(text("stakeholders.intro"))
            if model.entries.isEmpty {
                Paragraph(text("stakeholders.none"))
            } else {
                StakeholderGridPicture(entries: model.entries, text: text)
                table(model.entries, text: text)
            }
        }
    }

    static func table(_ entries: [StakeholderGridEntry], text: Localizer) -> Component {
        let keys = ["stakeholders.number", "stakeholders.who", "assessments.assessedOn", "assessments.influence",
                    "assessments.interest", "assessments.stance", "stakeholders.quadrant", "stakeholders.since"]
        return H.el("div", [("class", "table-scroll")]) {
            H.el("table") {
                H.text("caption", [], text("stakeholders.table"))
                H.el("thead") { H.el("tr") { for key in keys { H.text("th", [("scope", "col")], text(key)) } } }
                H.el("tbody") { for (index, entry) in entries.enumerated() { row(index, entry, text: text) } }
            }
        }
    }

    static func row(_ index: Int, _ entry: StakeholderGridEntry, text: Localizer) -> Component {
        let ref = entry.subject.ref
        let latest = entry.latest
        let since = entry.previous.map {
            text("stakeholders.sinceDay", text.day($0.assessedOn)) + ": "
                + StakeholderViews.movement(StakeholderMovement(from: $0.scores, to: latest.scores), text: text)
        }
        return H.el("tr") {
            H.text("td", [("class", "num")], String(index + 1))
            H.el("th", [("scope", "row")]) {
                H.link(ref.name, to: .record(entry.subject.isPerson ? .person : .organization, ref.id, .assessments))
            }
            H.text("td", [], text.day(latest.assessedOn))
            H.text("td", [("class", "num")], String(latest.scores.influence))
            H.text("td", [("class", "num")], String(latest.scores.interest))
            H.text("td", [], text("stance.\(latest.scores.stance.rawValue)"))
            H.text("td", [], text("quadrant.\(latest.scores.quadrant.rawValue)"))
            H.text("td", [], since ?? text("stakeholders.first"))
        }
    }
}
