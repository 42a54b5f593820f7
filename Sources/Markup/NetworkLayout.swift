import Foundation

/// Positions for a relationship network drawn around one person or organisation, computed on the server
/// so the picture is a plain SVG (no script, prints as shown).
///
/// Nodes sit on rings by their distance from the centre — direct connections on the inner ring, their own
/// connections on the outer ring in the sector of the node they hang from (with none two steps away, the
/// direct connections take the outer ring: the picture's room is theirs) — and a last pass parts any two
/// that came too close. Rings read as "one step away" and "two steps away"; a force-directed layout was
/// tried and dropped, because hubs pulled their neighbours onto the centre. There is no randomness and no
/// dictionary is ever iterated, so the same input gives the same picture on every server and every run.
public enum NetworkLayout {
    public typealias Node = NetworkDiagram.Node
    public typealias Edge = NetworkDiagram.Edge
    public typealias Point = NetworkDiagram.Point

    /// The nodes laid out in a frame of this size.
    public static func frame(_ nodes: [Node], _ edges: [Edge], width: Double, height: Double, margin: Double,
                             stretched: Bool = false) -> NetworkDiagram.Frame {
        NetworkDiagram.Frame(width: width, height: height,
                             positions: layout(nodes: nodes, edges: edges, width: width, height: height, margin: margin,
                                               stretched: stretched))
    }

    /// Positions keyed by node id, each inside `[margin, width - margin] × [margin, height - margin]`.
    /// The centre (the first node of step 0, by id) sits at the middle. Duplicate ids count once;
    /// edges naming unknown nodes, and edges from a node to itself, are ignored. With `stretched`, the
    /// rings are ellipses that fill the frame's width and height (a tall frame for a phone) instead of
    /// circles that fit its shorter side.
    public static func layout(nodes: [Node], edges: [Edge], width: Double, height: Double, margin: Double,
                              stretched: Bool = false) -> [String: Point] {
        // Sorting by id (and dropping repeats) is what makes the result independent of input order.
        var seen = Set<String>()
        let unique = nodes.sorted { $0.id < $1.id }.filter { seen.insert($0.id).inserted }
        guard !unique.isEmpty else { return [:] }
        let alone = !unique.contains { $0.step > 1 }
        let nodes = unique.map { node in
            var ringed = node
            if alone && node.step > 0 { ringed.step = 2 }
            return ringed
        }

        let bounds = Bounds(width: width, height: height, margin: margin, stretched: stretched)
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($0.element.id, $0.offset) })
        // Sorted too: floating-point sums depend on their order, and edges may come in any order.
        let links: [Link] = edges.compactMap { edge -> Link? in
            guard let a = index[edge.from], let b = index[edge.to], a != b else { return nil }
            return Link(a: min(a, b), b: max(a, b), weight: max(1, edge.weight))
        }.sorted { ($0.a, $0.b, $0.weight) < ($1.a, $1.b, $1.weight) }
        let centre = nodes.firstIndex { $0.step <= 0 }
        var positions = startingPositions(nodes: nodes, links: links, centre: centre, bounds: bounds)
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
        var stretched = false

        init(width: Double, height: Double, margin: Double, stretched: Bool = false) {
            self.stretched = stretched
            // A margin larger than half the picture leaves a single line (or point) in the middle.
            minX = min(margin, width / 2)
            maxX = max(width - margin, width / 2)
            minY = min(margin, height / 2)
            maxY = max(height - margin, height / 2)
        }

        var middle: Vector { Vector(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }
        /// The largest circle around the middle that fits.
        var radius: Double { min(maxX - minX, maxY - minY) / 2 }
        /// How far the rings reach across and down: the same unless stretched.
        var radii: Vector { stretched ? Vector(x: (maxX - minX) / 2, y: (maxY - minY) / 2) : Vector(x: radius, y: radius) }

        func clamp(_ p: Vector) -> Vector {
            Vector(x: min(max(p.x, minX), maxX), y: min(max(p.y, minY), maxY))
        }
    }

    /// How far out a node's ring is, as a share of the room from the middle to the frame.
    static func ringShare(step: Int, isCentre: Bool) -> Double {
        if isCentre { return 0 }
        return step <= 1 ? 0.45 : 0.9
    }

    /// Step-1 nodes evenly on the inner ring; each step-2 node on the outer ring inside the sector of the
    /// step-1 node it is linked to.
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
            var share = ringShare(step: nodes[i].step, isCentre: i == centre)
            // Many direct connections and few of theirs: the inner ring takes more of the room.
            if nodes[i].step <= 1, i != centre, !outer.isEmpty, inner.count > 2 * outer.count { share = 0.62 }
            let radii = bounds.radii
            return bounds.clamp(Vector(x: middle.x + share * radii.x * cos(angle[i]),
                                       y: middle.y + share * radii.y * sin(angle[i])))
        }
    }

    /// A last pass for nodes that came too close (many on one ring, or two clamped into one corner).
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
