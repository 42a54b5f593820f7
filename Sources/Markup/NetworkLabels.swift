import Foundation

/// Where each name goes in a network picture, so that no two names overlap, no name covers a node, and
/// every name stays inside the picture.
///
/// Each node tries the places around it, those facing away from the middle first (its lines run towards
/// the middle), then the same a little further out. A name that finds no free place is shortened, with an
/// ellipsis (the node's `<title>` and the table under the picture keep the full name), and tries again.
/// When even a short name finds no room, the picture grows — every position moves out from the corner
/// (on a phone only downwards),
/// nodes and names keep their size — and all names are placed again. Nothing is random and no dictionary
/// is iterated, so the same network gives the same picture.
enum NetworkLabels {
    struct Item: Equatable {
        var id: String
        var label: String
        var x: Double
        var y: Double
        var radius: Double
    }

    struct Box: Equatable {
        var minX, minY, maxX, maxY: Double

        func overlaps(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }

        func padded(_ by: Double) -> Box { Box(minX: minX - by, minY: minY - by, maxX: maxX + by, maxY: maxY + by) }

        func union(_ other: Box) -> Box {
            Box(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX),
                maxY: max(maxY, other.maxY))
        }
    }

    struct Placement: Equatable {
        /// The words shown: the name, or its beginning and an ellipsis.
        var text: String
        /// Where the text is anchored, and how (`start`, `middle`, `end`); `y` is the baseline.
        var x: Double
        var y: Double
        var anchor: String
        /// The room the text takes, by the generous estimate of `SVGText.measure`.
        var box: Box
    }

    /// Names are written at 12 units; the room above and below the baseline, accents included.
    static let ascent = 10.0, descent = 3.5
    /// Room kept between a name and its node, and around names and nodes.
    static let gap = 3.0, padding = 1.5
    /// How much the picture grows at each try, and how many tries at most.
    static let growth = 1.08, tries = 24

    /// How a picture makes room when names do not fit: outwards (wider and taller, for a screen with room
    /// on both sides) or downwards only (for a phone, which scrolls down but must never scroll sideways —
    /// a wider picture would be shrunk to the column and its names with it).
    enum Growth: Equatable { case outwards, downwards }

    /// How much the positions were stretched across and down (1 when all fitted at once).
    struct Scale: Equatable {
        var x = 1.0, y = 1.0
    }

    /// The scale the positions were multiplied by and each node's name.
    static func layout(_ items: [Item], width: Double, height: Double, longest: Int,
                       growth way: Growth = .outwards) -> (scale: Scale, labels: [String: Placement]) {
        var scale = Scale()
        func moved() -> [Item] {
            items.map { Item(id: $0.id, label: $0.label, x: $0.x * scale.x, y: $0.y * scale.y, radius: $0.radius) }
        }
        // Downwards first; a network so crowded that six times the height is not enough grows sideways too,
        // since names over each other would be worse than a picture shrunk to the column.
        for attempt in 0..<(way == .outwards ? tries : 2 * tries) {
            if let labels = place(moved(), width: width * scale.x, height: height * scale.y, longest: longest) {
                return (scale, labels)
            }
            scale.y *= growth
            if way == .outwards || attempt >= tries { scale.x *= growth }
        }
        // Not reached for any network the site draws (tests go to 49 nodes with long names); should it be,
        // the names are still drawn, each at its node's preferred place.
        var labels: [String: Placement] = [:]
        for item in moved() {
            let text = SVGText.truncated(item.label, to: longest)
            labels[item.id] = candidates(item, text: text, middle: (width * scale.x / 2, height * scale.y / 2))[0]
        }
        return (scale, labels)
    }

    /// Every name in a free place, or nil when one finds none even shortened.
    static func place(_ items: [Item], width: Double, height: Double, longest: Int) -> [String: Placement]? {
        let frame = Box(minX: 1, minY: 1, maxX: width - 1, maxY: height - 1)
        let nodes = items.map {
            Box(minX: $0.x - $0.radius, minY: $0.y - $0.radius, maxX: $0.x + $0.radius, maxY: $0.y + $0.radius)
                .padded(padding)
        }
        let middle = (width / 2, height / 2)
        var placed: [Box] = []
        var labels: [String: Placement] = [:]
        for item in items {
            var found: Placement?
            var tried: String?
            // A name shorter than the longest allowed is still shortened when it finds no room whole (one near
            // the edge of a phone's picture has room only on one side).
            for limit in lengths(longest) {
                let text = SVGText.truncated(item.label, to: limit)
                if text == tried { continue }
                tried = text
                found = candidates(item, text: text, middle: middle).first { candidate in
                    let box = candidate.box
                    return box.minX >= frame.minX && box.maxX <= frame.maxX && box.minY >= frame.minY
                        && box.maxY <= frame.maxY
                        && !nodes.contains { $0.overlaps(box) }
                        && !placed.contains { $0.overlaps(box.padded(padding)) }
                }
                if found != nil { break }
            }
            guard let found else { return nil }
            placed.append(found.box)
            labels[item.id] = found
        }
        return labels
    }

    /// The lengths a name is tried at: as long as allowed, then shorter, never under eight characters.
    static func lengths(_ longest: Int) -> [Int] {
        var result = [longest]
        for share in [0.75, 0.55, 0.4] where Int(Double(longest) * share) >= 9 {
            result.append(Int(Double(longest) * share))
        }
        return result
    }

    /// The places around a node, nearest first; at each distance the side facing away from the middle first.
    static func candidates(_ item: Item, text: String, middle: (Double, Double)) -> [Placement] {
        let width = SVGText.measure(text)
        let outward = atan2(item.y - middle.1, item.x - middle.0)
        let atMiddle = abs(item.x - middle.0) < 1 && abs(item.y - middle.1) < 1
        // Angles in the picture's coordinates (y grows downwards): 0 right, π/2 below.
        let sides: [Double] = [0, .pi / 4, .pi / 2, 3 * .pi / 4, .pi, -3 * .pi / 4, -.pi / 2, -.pi / 4]
        let order = sides.sorted { a, b in
            // A node at the middle prefers below, then above, then the sides.
            let da = atMiddle ? preference(a) : distance(a, outward)
            let db = atMiddle ? preference(b) : distance(b, outward)
            return da == db ? a < b : da < db
        }
        var result: [Placement] = []
        for extra in [0.0, 6, 14, 22] {
            for side in order { result.append(placement(item, text: text, width: width, side: side, extra: extra)) }
        }
        return result
    }

    static func preference(_ side: Double) -> Double {
        let ranked: [Double] = [.pi / 2, -.pi / 2, 0, .pi, .pi / 4, 3 * .pi / 4, -.pi / 4, -3 * .pi / 4]
        return Double(ranked.firstIndex { abs($0 - side) < 1e-9 } ?? ranked.count)
    }

    static func distance(_ a: Double, _ b: Double) -> Double {
        let d = abs(a - b).truncatingRemainder(dividingBy: 2 * .pi)
        return min(d, 2 * .pi - d)
    }

    /// The name on one side of its node: beside it, centred under or over it, or from under or over one of
    /// its corners; `extra` moves it further out.
    static func placement(_ item: Item, text: String, width: Double, side: Double, extra: Double) -> Placement {
        let dx = cos(side), dy = sin(side)
        let anchor: String
        let x: Double, baseline: Double
        if abs(dy) < 0.1 {
            // Beside the node, its middle level with the node's.
            anchor = dx > 0 ? "start" : "end"
            x = item.x + (dx > 0 ? 1 : -1) * (item.radius + gap + extra)
            baseline = item.y + (ascent - descent) / 2
        } else {
            let straight = abs(dx) < 0.1
            let out = straight ? extra : extra * 0.7
            anchor = straight ? "middle" : dx > 0 ? "start" : "end"
            x = straight ? item.x : item.x + (dx > 0 ? 1 : -1) * (item.radius * 0.4 + out)
            baseline = dy > 0 ? item.y + item.radius + gap + out + ascent : item.y - item.radius - gap - out - descent
        }
        let minX = anchor == "start" ? x : anchor == "middle" ? x - width / 2 : x - width
        return Placement(text: text, x: x, y: baseline, anchor: anchor,
                         box: Box(minX: minX, minY: baseline - ascent, maxX: minX + width, maxY: baseline + descent))
    }
}
