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
        let offsets: [(Double, Double)] = [(0, 0), (-16, -16), (16, -16), (-16, 16), (16, 16), (0, -22), (0, 22),
                                           (-22, 0), (22, 0)]
        let offset = offsets[slot % offsets.count]
        return (x(Double(scores.interest) - 0.5) + offset.0, y(Double(scores.influence) - 0.5) + offset.1)
    }

    /// Where a value on the interest scale (0…5) lies across, and one on the influence scale lies up.
    func x(_ interest: Double) -> Double { Self.left + interest * Self.cell }
    func y(_ influence: Double) -> Double { Self.top + (5 - influence) * Self.cell
    }

    func write(to html: inout String) {
        var members: [any Component] = [
            Element("title", [("id", "grid-title")], content: Text(text("stakeholders.picture"))),
            Element("desc", [("id", "grid-desc")], content: Text(text("stakeholders.picture.desc"))),
            Element("defs", content: Element("marker", [
                ("id", "grid-arrow"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"), ("markerWidth", "6"),
                ("markerHeight", "6"), ("orient", "auto-start-reverse"),
            ], content: shape("path", [("d", "M 0 0 L 10 5 L 0 10 z"), ("class", "grid-move")]))),
        ]
        members += scales()
        var slots: [String: Int] = [:]
        func slot(_ scores: StakeholderScores) -> Int {
            let key = "\(scores.influence)-\(scores.interest)"
            defer { slots[key, default: 0] += 1 }
            return slots[key] ?? 0
        }
        var dots: [any Component] = []
        for (index, entry) in entries.enumerated() {
            let now = point(entry.latest.scores, slot: slot(entry.latest.scores))
            if let previous = entry.previous,
            !StakeholderMovement(from: previous.scores, to: entry.latest.scores).isStill {
                members.append(arrow(from: point(previous.scores, slot: 0), to: now))
            }
            let stance = entry.latest.scores.stance.rawValue
            dots.append(Element("g", [("class", "stance-\(stance)")], content: ComponentGroup(members: [
                Element("title", content: Text(entry.subject.ref.name + ": " + text("stance.\(stance)"))),
                shape("circle", [("cx", f(now.x)), ("cy", f(now.y)), ("r", "11")]),
                label(String(index + 1), x: now.x, y: now.y + 4),
            ])))
        }
        members += dots
        let width = Self.left + size + 12, height = Self.top + size + 52
        Element("figure", [("class", "stakeholder-grid")], content: ComponentGroup(members: [
            Element("figcaption", content: Text(text("stakeholders.picture"))),
            Element("svg", [
                ("xmlns", "http://www.w3.org/2000/svg"), ("role", "img"), ("aria-labelledby", "grid-title grid-desc"),
                ("viewBox", "0 0 \(f(width)) \(f(height))"), ("width", "100%"),
                ("preserveAspectRatio", "xMinYMin meet"),
            ], content: ComponentGroup(members: members)),
        ])).write(to: &html)
    }

    /// The four quadrants, the strong one shaded; the 1–5 scales and their names; the approaches named at the
    /// corners (above the grid for the top two, inside its foot for the others).
    func scales() -> [any Component] {
        let half = Self.cell * 2, bottom = Self.top + size
        var parts: [any Component] = [
            shape("rect", [("x", f(Self.left + half)), ("y", f(Self.top)), ("width", f(size - half)),
                           ("height", f(size - half)), ("class", "quadrant-strong")]),
        ]
        for i in 0...5 {
            let step = Double(i)
            parts.append(line(x(step), Self.top, x(step), bottom, className: "grid"))
            parts.append(line(Self.left, y(5 - step), Self.left + size, y(5 - step), className: "grid"))
        }
        for value in 1...5 {
            parts.append(label(String(value), x: x(Double(value) - 0.5), y: bottom + 18))
            parts.append(label(String(value), x: Self.left - 10, y: y(Double(value) - 0.5) + 4, anchor: "end"))
        }
        parts.append(label(text("assessments.interest"), x: Self.left + size / 2, y: bottom + 40))
        parts.append(Element("text", [("x", "14"), ("y", f(Self.top + size / 2)), ("text-anchor", "middle"),
                                      ("transform", "rotate(-90 14 \(f(Self.top + size / 2)))")],
                             content: Text(text("assessments.influence"))))
        let corners = [("quadrant.manage_closely", true, Self.top - 8),
                       ("quadrant.keep_satisfied", false, Self.top - 8),
                       ("quadrant.keep_informed", true, bottom - 6), ("quadrant.monitor", false, bottom - 6)]
        for (key, right, y) in corners {
            parts.append(label(text(key), x: Self.left + (right ? size - 2 : 2), y: y, anchor: right ? "end" : "start",
                               className: "quadrant-label"))
        }
        return parts
    }

    /// The arrow stops at the dot's edge, so its head shows.
    func arrow(from then: (x: Double, y: Double), to now: (x: Double, y: Double)) -> any Component {
        let dx = now.x - then.x, dy = now.y - then.y, length = max((dx * dx + dy * dy).squareRoot(), 1)
        let end = (x: now.x - dx / length * 13, y: now.y - dy / length * 13)
        return shape("line", [("x1", f(then.x)), ("y1", f(then.y)), ("x2", f(end.x)), ("y2", f(end.y)),
                              ("class", "grid-move"), ("marker-end", "url(#grid-arrow)")])
    }

    func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, className: String) -> any Component {
        shape("line", [("x1", f(x1)), ("y1", f(y1)), ("x2", f(x2)), ("y2", f(y2)), ("class", className)])
    }

    func label(_ words: String, x: Double, y: Double, anchor: String = "middle",
               className: String? = nil) -> any Component {
        Element("text", [("x", f(x)), ("y", f(y)), ("text-anchor", anchor), ("class", className)], content: Text(words))
    }

    /// A shape written with its end tag (inside `<svg>` a void-style tag would swallow what follows).
    func shape(_ name: String, _ attributes: [(String, String?)]) -> any Component {
        Element(name, attributes, content: EmptyComponent())
    }

    func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
