import Foundation

/// Positions for a relationship network drawn around one person or organisation, computed on the server
/// so the picture is a plain SVG (no script, prints as shown).
///
/// Nodes start on rings by their distance from the centre, then a Fruchterman–Reingold pass pulls
/// connected nodes together and pushes all nodes apart. A weak pull towards each node's ring keeps the
/// picture readable as "one step away" and "two steps away". There is no randomness and no dictionary
/// is ever iterated, so the same input gives the same picture on every server and every run.
public enum NetworkLayout {
    public struct Node: Sendable, Equatable {
        public var id: String
        /// 0 for the centre, 1 for direct connections, 2 for connections of connections.
        public var step: Int

        public init(id: String, step: Int) {
            self.id = id
            self.step = step
        }
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        public var weight: Int

        public init(from: String, to: String, weight: Int = 1) {
            self.from = from
            self.to = to
            self.weight = weight
        }
    }

    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// Positions keyed by node id, each inside `[margin, width - margin] × [margin, height - margin]`.
    /// The centre (the first node of step 0, by id) sits at the middle. Duplicate ids count once;
    /// edges naming unknown nodes, and edges from a node to itself, are ignored.
    public static func layout(
        nodes: [Node], edges: [Edge], width: Double, height: Double, margin: Double, iterations: Int = 200
    ) -> [String: Point] {
        // Sorting by id (and dropping repeats) is what makes the result independent of input order.
        var seen = Set<String>()
        let nodes = nodes.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
        guard !nodes.isEmpty else { return [:] }

        let bounds = Bounds(width: width, height: height, margin: margin)
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($0.element.id, $0.offset) })
        // Sorted too: floating-point sums depend on their order, and edges may come in any order.
        let links: [Link] = edges.compactMap { edge -> Link? in
            guard let a = index[edge.from], let b = index[edge.to], a != b else { return nil }
            return Link(a: min(a, b), b: max(a, b), weight: max(1, edge.weight))
        }.sorted { ($0.a, $0.b, $0.weight) < ($1.a, $1.b, $1.weight) }
        let centre = nodes.firstIndex { $0.step <= 0 }
        var positions = startingPositions(nodes: nodes, links: links, centre: centre, bounds: bounds)
        relax(&positions, nodes: nodes, links: links, centre: centre, bounds: bounds, iterations: max(0, iterations))
        separate(&positions, centre: centre, bounds: bounds)

        var result: [String: Point] = [:]
        for (i, node) in nodes.enumerated() { result[node.id] = Point(x: positions[i].x, y: positions[i].y) }
        return result
    }

    struct Link {
        var a: Int
        var b: Int
        var weight: Int
    }

    struct Vector {
        var x: Double
        var y: Double
    }

    struct Bounds {
        var minX, maxX, minY, maxY: Double

        init(width: Double, height: Double, margin: Double) {
            // A margin larger than half the picture leaves a single line (or point) in the middle.
            minX = min(margin, width / 2)
            maxX = max(width - margin, width / 2)
            minY = min(margin, height / 2)
            maxY = max(height - margin, height / 2)
        }

        var middle: Vector { Vector(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }
        /// The largest circle around the middle that fits.
        var radius: Double { min(maxX - minX, maxY - minY) / 2 }

        func clamp(_ p: Vector) -> Vector {
            Vector(x: min(max(p.x, minX), maxX), y: min(max(p.y, minY), maxY))
        }
    }

    /// The radius of the ring a node starts on and is pulled back towards.
    static func ringRadius(step: Int, isCentre: Bool, bounds: Bounds) -> Double {
        if isCentre { return 0 }
        return bounds.radius * (step <= 1 ? 0.45 : 0.9)
    }

    /// Step-1 nodes evenly on the inner ring; each step-2 node on the outer ring inside the sector of the
    /// step-1 node it is linked to, so the first picture is already close to the final one.
    static func startingPositions(nodes: [Node], links: [Link], centre: Int?, bounds: Bounds) -> [Vector] {
        let middle = bounds.middle
        var angle = [Double](repeating: 0, count: nodes.count)
        let inner = nodes.indices.filter { $0 != centre && nodes[$0].step <= 1 }
        let outer = nodes.indices.filter { $0 != centre && nodes[$0].step > 1 }
        for (k, i) in inner.enumerated() { angle[i] = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(inner.count) }

        // The parent of a step-2 node: its lowest-id step-1 neighbour (nodes are sorted by id).
        let isInner = Set(inner)
        var parent = [Int?](repeating: nil, count: nodes.count)
        for link in links {
            for (child, other) in [(link.a, link.b), (link.b, link.a)] where isInner.contains(other) {
                if let current = parent[child] { parent[child] = min(current, other) } else { parent[child] = other }
            }
        }
        // Step-2 nodes share the whole outer ring evenly, in the order of the step-1 node they hang from, and
        // the ring is turned so that each group sits as close as it can to its parent: a busy step-1 node's
        // neighbours spread out instead of piling into its slice.
        let ordered = outer.sorted { a, b in
            let pa = parent[a].map { angle[$0] } ?? 10, pb = parent[b].map { angle[$0] } ?? 10
            return (pa, a) < (pb, b)
        }
        if !ordered.isEmpty {
            let gap = 2 * Double.pi / Double(ordered.count)
            var sinSum = 0.0, cosSum = 0.0
            for (k, i) in ordered.enumerated() {
                guard let p = parent[i] else { continue }
                let difference = angle[p] - (-Double.pi / 2 + gap * Double(k))
                sinSum += sin(difference); cosSum += cos(difference)
            }
            let turn = sinSum == 0 && cosSum == 0 ? gap / 2 : atan2(sinSum, cosSum)
            for (k, i) in ordered.enumerated() { angle[i] = -Double.pi / 2 + gap * Double(k) + turn }
        }

        return nodes.indices.map { i in
            let r = ringRadius(step: nodes[i].step, isCentre: i == centre, bounds: bounds)
            return bounds.clamp(Vector(x: middle.x + r * cos(angle[i]), y: middle.y + r * sin(angle[i])))
        }
    }

    /// Fruchterman–Reingold with linear cooling: O(iterations × n²), a few milliseconds for 150 nodes.
    static func relax(_ p: inout [Vector], nodes: [Node], links: [Link], centre: Int?, bounds: Bounds, iterations: Int) {
        let n = p.count
        guard n > 1, iterations > 0 else { return }
        let middle = bounds.middle
        let area = max((bounds.maxX - bounds.minX) * (bounds.maxY - bounds.minY), 1)
        let k = 0.8 * (area / Double(n)).squareRoot()
        let rings = nodes.indices.map { ringRadius(step: nodes[$0].step, isCentre: $0 == centre, bounds: bounds) }
        let start = bounds.radius / 5
        let ringPull = k / max(bounds.radius, 1)
        var shift = [Vector](repeating: Vector(x: 0, y: 0), count: n)

        for iteration in 0..<iterations {
            for i in 0..<n { shift[i] = Vector(x: 0, y: 0) }
            // Every pair pushes apart.
            for i in 0..<n {
                for j in (i + 1)..<n {
                    let dx = p[i].x - p[j].x, dy = p[i].y - p[j].y
                    var d = (dx * dx + dy * dy).squareRoot()
                    var (ux, uy) = (dx / d, dy / d)
                    if d < 0.01 {
                        // Same spot: part them along a direction fixed by their indices, not by chance.
                        let a = Double(i * 7 + j * 13)
                        (ux, uy, d) = (cos(a), sin(a), 0.01)
                    }
                    let force = k * k / d
                    shift[i].x += ux * force; shift[i].y += uy * force
                    shift[j].x -= ux * force; shift[j].y -= uy * force
                }
            }
            // Linked nodes pull together, more strongly when they share more.
            for link in links {
                let dx = p[link.a].x - p[link.b].x, dy = p[link.a].y - p[link.b].y
                let d = max((dx * dx + dy * dy).squareRoot(), 0.01)
                let force = d * d / k * (1 + 0.15 * Double(min(link.weight, 6) - 1))
                shift[link.a].x -= dx / d * force; shift[link.a].y -= dy / d * force
                shift[link.b].x += dx / d * force; shift[link.b].y += dy / d * force
            }
            // A spring towards the node's ring keeps the steps apart.
            for i in 0..<n where i != centre {
                let dx = p[i].x - middle.x, dy = p[i].y - middle.y
                let d = max((dx * dx + dy * dy).squareRoot(), 0.01)
                let pull = (rings[i] - d) * ringPull
                shift[i].x += dx / d * pull; shift[i].y += dy / d * pull
            }
            // Each node moves at most the current temperature, which falls to nothing.
            let temperature = start * (1 - Double(iteration) / Double(iterations))
            for i in 0..<n where i != centre {
                let length = (shift[i].x * shift[i].x + shift[i].y * shift[i].y).squareRoot()
                guard length > 0 else { continue }
                let step = min(length, temperature)
                p[i] = bounds.clamp(Vector(x: p[i].x + shift[i].x / length * step, y: p[i].y + shift[i].y / length * step))
            }
            if let centre { p[centre] = middle }
        }
    }

    /// A last pass for nodes the walls pressed together (clamping can put two in one corner).
    static func separate(_ p: inout [Vector], centre: Int?, bounds: Bounds) {
        let n = p.count
        guard n > 1 else { return }
        let area = max((bounds.maxX - bounds.minX) * (bounds.maxY - bounds.minY), 1)
        let minimum = min(24, 0.5 * (area / Double(n)).squareRoot())
        for _ in 0..<20 {
            var moved = false
            for i in 0..<n {
                for j in (i + 1)..<n {
                    var dx = p[j].x - p[i].x, dy = p[j].y - p[i].y
                    var d = (dx * dx + dy * dy).squareRoot()
                    guard d < minimum else { continue }
                    if d < 0.01 {
                        let a = Double(i * 7 + j * 13)
                        dx = cos(a); dy = sin(a); d = 1
                    }
                    let push = (minimum - d) / 2 + 0.5
                    if i != centre { p[i] = bounds.clamp(Vector(x: p[i].x - dx / d * push, y: p[i].y - dy / d * push)) }
                    if j != centre { p[j] = bounds.clamp(Vector(x: p[j].x + dx / d * push, y: p[j].y + dy / d * push)) }
                    moved = true
                }
            }
            if !moved { break }
        }
    }
}
