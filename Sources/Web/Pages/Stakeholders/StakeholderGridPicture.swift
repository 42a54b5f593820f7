import Domain
import Features
import Foundation
import Markup

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
