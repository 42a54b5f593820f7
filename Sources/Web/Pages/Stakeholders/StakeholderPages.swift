import Domain
import Features
import Foundation
import Markup

/// A stakeholder's assessments over time (with the form for a new one), and the grid of everyone assessed.
enum StakeholderPages {
    struct HistoryModel {
        var subject: StakeholderRef
        var history: [AssessmentRecord]
        var canWrite: Bool
        var values = AssessmentInput()
        var errors = Forms.Errors()
    }

    static func history(_ model: HistoryModel, chrome: Chrome) -> String {
        let text = chrome.text
        let ref = model.subject.ref
        let page: SiteURL = model.subject.isPerson ? .record(.person, ref.id) : .record(.organization, ref.id)
        let action: SiteURL = model.subject.isPerson ? .record(.person, ref.id, .assessments) : .record(.organization, ref.id, .assessments)
        return Layout.page(title: text("assessments.title", ref.name), chrome: chrome) {
            H.el("p", [("class", "breadcrumb")]) { H.link(ref.name, to: page); Text(" · "); H.link(text("stakeholders.title"), to: .stakeholders) }
            H.el("h1") { Text(text("assessments.title", ref.name)) }
            Paragraph(text("assessments.intro"))
            if model.history.isEmpty { Paragraph(text("assessments.none")) } else {
                H.el("div", [("class", "table-scroll")]) {
                    H.el("table") {
                        H.el("thead") {
                            H.el("tr") {
                                for key in ["assessments.assessedOn", "assessments.influence", "assessments.interest", "assessments.stance",
                                            "assessments.movement", "assessments.by", "assessments.notes"] {
                                    H.text("th", [("scope", "col")], text(key))
                                }
                                if model.canWrite { H.el("th", [("scope", "col")]) { H.text("span", [("class", "visually-hidden")], text("assessments.remove")) } }
                            }
                        }
                        H.el("tbody") {
                            for (index, assessment) in model.history.enumerated() {
                                let earlier = index + 1 < model.history.count ? model.history[index + 1] : nil
                                H.el("tr") {
                                    H.text("td", [], assessment.assessedOn.description)
                                    H.text("td", [("class", "num")], String(assessment.scores.influence))
                                    H.text("td", [("class", "num")], String(assessment.scores.interest))
                                    H.text("td", [], text("stance.\(assessment.scores.stance.rawValue)"))
                                    H.text("td", [], earlier.map { movement(StakeholderMovement(from: $0.scores, to: assessment.scores), text: text) } ?? "–")
                                    H.text("td", [], assessment.assessedBy)
                                    H.text("td", [], assessment.notes ?? "")
                                    if model.canWrite {
                                        H.el("td") { Forms.post(to: .record(.assessment, assessment.id, .remove), csrf: chrome.csrfToken, button: text("assessments.remove")) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if model.canWrite {
                H.el("h2", [("id", "new")]) { Text(text("assessments.new")) }
                Forms.errorSummary(model.errors, text: text)
                H.el("form", [("method", "post"), ("action", action.path + "#new"), ("class", "record-form")]) {
                    Forms.csrf(chrome.csrfToken)
                    Forms.field(label: text("assessments.assessedOn"), name: "assessedOn", type: "date", value: model.values.assessedOn ?? "",
                                error: model.errors["assessedOn"], required: true)
                    Forms.select(label: text("assessments.influence"), name: "influence", options: scale(text), selected: model.values.influence ?? "3",
                                 error: model.errors["influence"], help: text("assessments.influence.help"))
                    Forms.select(label: text("assessments.interest"), name: "interest", options: scale(text), selected: model.values.interest ?? "3",
                                 error: model.errors["interest"], help: text("assessments.interest.help"))
                    Forms.select(label: text("assessments.stance"), name: "stance",
                                 options: StakeholderStance.allCases.map { ($0.rawValue, text("stance.\($0.rawValue)")) },
                                 selected: model.values.stance ?? StakeholderStance.neutral.rawValue, error: model.errors["stance"])
                    RegistryViews.textarea(label: text("assessments.notes"), name: "notes", value: model.values.notes ?? "", error: model.errors["notes"])
                    Forms.submit(text("assessments.add"))
                }
            }
        }
    }

    static func scale(_ text: Localizer) -> [(value: String, label: String)] {
        StakeholderScores.scale.map { (String($0), text("assessments.scale.\($0)")) }
    }

    /// "influence +1, interest −1, towards support" (or "no change").
    static func movement(_ movement: StakeholderMovement, text: Localizer) -> String {
        if movement.isStill { return text("assessments.still") }
        func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "" }
        var parts: [String] = []
        if movement.influence != 0 { parts.append(text("assessments.influence.short", signed(movement.influence))) }
        if movement.interest != 0 { parts.append(text("assessments.interest.short", signed(movement.interest))) }
        if movement.stance != 0 { parts.append(text(movement.stance > 0 ? "assessments.towardsSupport" : "assessments.towardsOpposition", String(abs(movement.stance)))) }
        return parts.joined(separator: ", ")
    }

    static func grid(_ entries: [StakeholderGridEntry], chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("stakeholders.title"), chrome: chrome) {
            H.el("h1") { Text(text("stakeholders.title")) }
            Paragraph(text("stakeholders.intro"))
            if entries.isEmpty { Paragraph(text("stakeholders.none")) } else {
                StakeholderGridPicture(entries: entries, text: text)
                H.el("div", [("class", "table-scroll")]) {
                    H.el("table") {
                        H.text("caption", [], text("stakeholders.table"))
                        H.el("thead") {
                            H.el("tr") {
                                for key in ["stakeholders.number", "stakeholders.who", "assessments.assessedOn", "assessments.influence", "assessments.interest",
                                            "assessments.stance", "stakeholders.quadrant", "stakeholders.since"] {
                                    H.text("th", [("scope", "col")], text(key))
                                }
                            }
                        }
                        H.el("tbody") {
                            for (index, entry) in entries.enumerated() {
                                let ref = entry.subject.ref
                                H.el("tr") {
                                    H.text("td", [("class", "num")], String(index + 1))
                                    H.el("th", [("scope", "row")]) {
                                        H.link(ref.name, to: entry.subject.isPerson ? .record(.person, ref.id, .assessments) : .record(.organization, ref.id, .assessments))
                                    }
                                    H.text("td", [], entry.latest.assessedOn.description)
                                    H.text("td", [("class", "num")], String(entry.latest.scores.influence))
                                    H.text("td", [("class", "num")], String(entry.latest.scores.interest))
                                    H.text("td", [], text("stance.\(entry.latest.scores.stance.rawValue)"))
                                    H.text("td", [], text("quadrant.\(entry.latest.scores.quadrant.rawValue)"))
                                    H.text("td", [], entry.previous.map { text("stakeholders.sinceDay", $0.assessedOn.description) + ": "
                                        + movement(StakeholderMovement(from: $0.scores, to: entry.latest.scores), text: text) } ?? text("stakeholders.first"))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The power–interest grid as SVG: interest across, influence up, each stakeholder a numbered dot (the
/// number is their row in the table below), with a line from where the previous assessment put them.
struct StakeholderGridPicture: Component {
    let entries: [StakeholderGridEntry]
    let text: Localizer

    static let cell = 64.0, left = 56.0, top = 30.0
    var size: Double { Self.cell * 5 }

    /// The middle of a cell, nudged so that several stakeholders in one cell stay apart.
    func point(_ scores: StakeholderScores, slot: Int) -> (x: Double, y: Double) {
        let offsets: [(Double, Double)] = [(0, 0), (-16, -16), (16, -16), (-16, 16), (16, 16), (0, -22), (0, 22), (-22, 0), (22, 0)]
        let offset = offsets[slot % offsets.count]
        return (Self.left + (Double(scores.interest) - 0.5) * Self.cell + offset.0, Self.top + (5.5 - Double(scores.influence)) * Self.cell + offset.1)
    }

    func write(to html: inout String) {
        var members: [any Component] = [
            Element("title", [("id", "grid-title")], content: Text(text("stakeholders.picture"))),
            Element("desc", [("id", "grid-desc")], content: Text(text("stakeholders.picture.desc"))),
            Element("defs", content: Element("marker", [("id", "grid-arrow"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"),
                                                        ("markerWidth", "6"), ("markerHeight", "6"), ("orient", "auto-start-reverse")],
                                             content: Element("path", [("d", "M 0 0 L 10 5 L 0 10 z"), ("class", "grid-move")], content: EmptyComponent()))),
        ]
        // The four quadrants, the strong one shaded, and the 1–5 scales.
        let half = Self.cell * 2
        members.append(Element("rect", [("x", f(Self.left + half)), ("y", f(Self.top)), ("width", f(size - half)), ("height", f(size - half)), ("class", "quadrant-strong")], content: EmptyComponent()))
        for i in 0...5 {
            let offset = Double(i) * Self.cell
            members.append(Element("line", [("x1", f(Self.left + offset)), ("y1", f(Self.top)), ("x2", f(Self.left + offset)), ("y2", f(Self.top + size)), ("class", "grid")], content: EmptyComponent()))
            members.append(Element("line", [("x1", f(Self.left)), ("y1", f(Self.top + offset)), ("x2", f(Self.left + size)), ("y2", f(Self.top + offset)), ("class", "grid")], content: EmptyComponent()))
        }
        for value in 1...5 {
            members.append(Element("text", [("x", f(Self.left + (Double(value) - 0.5) * Self.cell)), ("y", f(Self.top + size + 18)), ("text-anchor", "middle")], content: Text(String(value))))
            members.append(Element("text", [("x", f(Self.left - 10)), ("y", f(Self.top + (5.5 - Double(value)) * Self.cell + 4)), ("text-anchor", "end")], content: Text(String(value))))
        }
        members.append(Element("text", [("x", f(Self.left + size / 2)), ("y", f(Self.top + size + 40)), ("text-anchor", "middle")], content: Text(text("assessments.interest"))))
        members.append(Element("text", [("x", "14"), ("y", f(Self.top + size / 2)), ("text-anchor", "middle"), ("transform", "rotate(-90 14 \(f(Self.top + size / 2)))")],
                               content: Text(text("assessments.influence"))))
        // The approaches named at the corners: above the grid for the top two, inside its foot for the others.
        for (label, right, y) in [("quadrant.manage_closely", true, Self.top - 8), ("quadrant.keep_satisfied", false, Self.top - 8),
                                  ("quadrant.keep_informed", true, Self.top + size - 6), ("quadrant.monitor", false, Self.top + size - 6)] {
            members.append(Element("text", [("x", f(Self.left + (right ? size - 2 : 2))), ("y", f(y)), ("text-anchor", right ? "end" : "start"),
                                            ("class", "quadrant-label")], content: Text(text(label))))
        }
        var slots: [String: Int] = [:]
        func slot(_ scores: StakeholderScores) -> Int {
            let key = "\(scores.influence)-\(scores.interest)"
            defer { slots[key, default: 0] += 1 }
            return slots[key] ?? 0
        }
        var dots: [any Component] = []
        for (index, entry) in entries.enumerated() {
            let now = point(entry.latest.scores, slot: slot(entry.latest.scores))
            if let previous = entry.previous, !StakeholderMovement(from: previous.scores, to: entry.latest.scores).isStill {
                let then = point(previous.scores, slot: 0)
                // The arrow stops at the dot's edge, so its head shows.
                let dx = now.x - then.x, dy = now.y - then.y, length = max((dx * dx + dy * dy).squareRoot(), 1)
                let end = (x: now.x - dx / length * 13, y: now.y - dy / length * 13)
                members.append(Element("line", [("x1", f(then.x)), ("y1", f(then.y)), ("x2", f(end.x)), ("y2", f(end.y)), ("class", "grid-move"),
                                                ("marker-end", "url(#grid-arrow)")], content: EmptyComponent()))
            }
            dots.append(Element("g", [("class", "stance-\(entry.latest.scores.stance.rawValue)")], content: ComponentGroup(members: [
                Element("title", content: Text(entry.subject.ref.name + ": " + text("stance.\(entry.latest.scores.stance.rawValue)"))),
                Element("circle", [("cx", f(now.x)), ("cy", f(now.y)), ("r", "11")], content: EmptyComponent()),
                Element("text", [("x", f(now.x)), ("y", f(now.y + 4)), ("text-anchor", "middle")], content: Text(String(index + 1))),
            ])))
        }
        members += dots
        let width = Self.left + size + 12, height = Self.top + size + 52
        Element("figure", [("class", "stakeholder-grid")], content: ComponentGroup(members: [
            Element("figcaption", content: Text(text("stakeholders.picture"))),
            Element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("aria-labelledby", "grid-title grid-desc"),
                            ("viewBox", "0 0 \(f(width)) \(f(height))"), ("width", "100%"), ("preserveAspectRatio", "xMinYMin meet")],
                    content: ComponentGroup(members: members)),
        ])).write(to: &html)
    }

    func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
