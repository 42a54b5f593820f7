import Foundation
import Markup
import Testing

@Suite("Network layout: the same picture every time, inside the frame, steps readable")
struct NetworkLayoutTests {
    typealias Node = NetworkLayout.Node
    typealias Edge = NetworkLayout.Edge

    /// A node as the layout reads it: its id and step (its name and shape do not move it).
    static func node(_ id: String, step: Int) -> Node { Node(id: id, label: id, kind: "person", step: step) }

    /// A centre, `inner` direct connections and `outer` second-step ones, with a few cross links.
    static func network(inner: Int, outer: Int) -> (nodes: [Node], edges: [Edge]) {
        var nodes = [Self.node("centre", step: 0)]
        var edges: [Edge] = []
        for i in 0..<inner {
            nodes.append(Self.node("p\(i)", step: 1))
            edges.append(Edge(from: "centre", to: "p\(i)", label: "", weight: i % 6 + 1))
        }
        for j in 0..<outer {
            nodes.append(Self.node("q\(j)", step: 2))
            edges.append(Edge(from: "p\(j % max(inner, 1))", to: "q\(j)", label: "", weight: 1))
        }
        for k in 0..<(outer / 4) {
            edges.append(Edge(from: "q\(k)", to: "q\((k * 7 + 3) % outer)", label: "", weight: 2))
        }
        return (nodes, edges)
    }

    static func distance(_ a: NetworkLayout.Point, _ b: NetworkLayout.Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    @Test("the same input gives the same positions, whatever the order of the nodes")
    func deterministic() {
        let (nodes, edges) = Self.network(inner: 8, outer: 20)
        let first = NetworkLayout.layout(nodes: nodes, edges: edges, width: 800, height: 600, margin: 40)
        let second = NetworkLayout.layout(nodes: nodes, edges: edges, width: 800, height: 600, margin: 40)
        let reordered = NetworkLayout.layout(nodes: nodes.reversed(), edges: edges.reversed(), width: 800, height: 600, margin: 40)
        #expect(first.count == nodes.count)
        #expect(first == second)
        #expect(first == reordered)
    }

    @Test("the centre sits in the middle and every node inside the margins", arguments: [(0, 0), (1, 0), (3, 5), (12, 27), (30, 119)])
    func centreAndBounds(inner: Int, outer: Int) throws {
        let (nodes, edges) = Self.network(inner: inner, outer: outer)
        let points = NetworkLayout.layout(nodes: nodes, edges: edges, width: 800, height: 600, margin: 40)
        #expect(points["centre"] == NetworkLayout.Point(x: 400, y: 300))
        for node in nodes {
            let point = try #require(points[node.id])
            #expect(point.x >= 40 && point.x <= 760 && point.y >= 40 && point.y <= 560, "\(node.id) at \(point)")
        }
    }

    @Test("no two nodes share a spot", arguments: [(39, 0), (5, 34), (1, 38), (12, 27)])
    func nodesKeepApart(inner: Int, outer: Int) {
        let (nodes, edges) = Self.network(inner: inner, outer: outer)
        let points = NetworkLayout.layout(nodes: nodes, edges: edges, width: 800, height: 600, margin: 40)
        let all = nodes.map { points[$0.id]! }
        var closest = Double.infinity
        for i in all.indices {
            for j in all.indices where j > i { closest = min(closest, Self.distance(all[i], all[j])) }
        }
        #expect(closest >= 10)
    }

    @Test("direct connections sit nearer the centre than second-step ones", arguments: [(5, 10), (12, 27), (3, 36)])
    func stepsReadOutwards(inner: Int, outer: Int) {
        let (nodes, edges) = Self.network(inner: inner, outer: outer)
        let points = NetworkLayout.layout(nodes: nodes, edges: edges, width: 800, height: 600, margin: 40)
        let middle = NetworkLayout.Point(x: 400, y: 300)
        func average(step: Int) -> Double {
            let distances = nodes.filter { $0.step == step }.map { Self.distance(points[$0.id]!, middle) }
            return distances.reduce(0, +) / Double(distances.count)
        }
        #expect(average(step: 1) < average(step: 2))
    }

    @Test("no nodes, one node, and edges to unknown nodes")
    func smallInputs() throws {
        #expect(NetworkLayout.layout(nodes: [], edges: [], width: 800, height: 600, margin: 40).isEmpty)

        let one = NetworkLayout.layout(nodes: [Self.node("only", step: 0)], edges: [], width: 800, height: 600, margin: 40)
        #expect(one == ["only": NetworkLayout.Point(x: 400, y: 300)])

        let loose = NetworkLayout.layout(
            nodes: [Self.node("a", step: 0), Self.node("b", step: 2), Self.node("b", step: 2)],
            edges: [Edge(from: "a", to: "missing", label: "", weight: 3), Edge(from: "b", to: "b", label: "", weight: 1)],
            width: 300, height: 200, margin: 20
        )
        #expect(loose.count == 2)
        let b = try #require(loose["b"])
        #expect(b.x >= 20 && b.x <= 280 && b.y >= 20 && b.y <= 180)
    }

    @Test("each node on its ring: direct connections on the inner one, their connections on the outer one (with none of those, the direct connections take the outer ring)",
          arguments: [(4, 8), (6, 0), (12, 27)])
    func ringsByStep(inner: Int, outer: Int) {
        let (nodes, edges) = Self.network(inner: inner, outer: outer)
        let points = NetworkLayout.layout(nodes: nodes, edges: edges, width: 800, height: 600, margin: 40)
        let middle = NetworkLayout.Point(x: 400, y: 300), radius = 260.0 // half of the 520 px the margins leave in height
        for node in nodes where node.step > 0 {
            let ring = radius * (node.step == 1 && outer > 0 ? 0.45 : 0.9)
            // The last pass may part close neighbours by a few pixels; a node never leaves its ring.
            #expect(abs(Self.distance(points[node.id]!, middle) - ring) < 15, "\(node.id) is off its ring")
        }
    }

    @Test("stretched for a tall frame, the rings fill its height, and every node stays inside")
    func stretchedRings() throws {
        let (nodes, edges) = Self.network(inner: 6, outer: 12)
        let points = NetworkLayout.layout(nodes: nodes, edges: edges, width: 340, height: 500, margin: 30, stretched: true)
        let ys = nodes.map { points[$0.id]!.y }, xs = nodes.map { points[$0.id]!.x }
        #expect(points["centre"] == NetworkLayout.Point(x: 170, y: 250))
        #expect(xs.allSatisfy { $0 >= 30 && $0 <= 310 } && ys.allSatisfy { $0 >= 30 && $0 <= 470 })
        // A circle would keep within 140 of the middle; the stretched outer ring reaches far above and below.
        #expect((ys.max() ?? 0) - (ys.min() ?? 0) > 300)
        let square = NetworkLayout.layout(nodes: nodes, edges: edges, width: 340, height: 500, margin: 30)
        #expect(nodes.allSatisfy { abs(square[$0.id]!.y - 250) <= 141 })
    }

    @Test("a second-step node sits in the sector of the direct connection it hangs from")
    func outerNodesNearTheirParent() {
        let (nodes, edges) = Self.network(inner: 4, outer: 8)
        let points = NetworkLayout.layout(nodes: nodes, edges: edges, width: 800, height: 600, margin: 40)
        func angle(_ id: String) -> Double { atan2(points[id]!.y - 300, points[id]!.x - 400) }
        for j in 0..<8 {
            var gap = abs(angle("q\(j)") - angle("p\(j % 4)"))
            gap = min(gap, 2 * Double.pi - gap)
            // Four direct connections: each has a quarter of the circle; its own stay within it.
            #expect(gap <= Double.pi / 4 + 0.01, "q\(j) is \(gap) rad from its parent")
        }
    }
}
