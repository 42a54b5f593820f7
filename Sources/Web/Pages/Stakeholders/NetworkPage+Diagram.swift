import Domain
import Features
import Markup

extension NetworkPage {
    static func diagram(_ network: RelationshipNetwork, name: String, text: Localizer) -> Component {
        // Direct connections alone take the outer ring: the picture's room is theirs.
        let twoSteps = network.nodes.contains { $0.step == 2 }
        let positions = NetworkLayout.layout(
            nodes: network.nodes.map {
                NetworkLayout.Node(id: $0.id.uuidString, step: twoSteps || $0.step == 0 ? $0.step : 2)
            },
            edges: network.edges.map {
                NetworkLayout.Edge(from: $0.from.uuidString, to: $0.to.uuidString, weight: $0.weight)
            },
            width: width, height: height, margin: margin)
        let nodes = network.nodes.compactMap { node -> NetworkDiagram.Node? in
            guard let point = positions[node.id.uuidString] else { return nil }
            let href = (node.isPerson ? SiteURL.record(.person, node.id, .network) : SiteURL.record(.organization,
                    node.id, .network)).path
            return NetworkDiagram.Node(id: node.id.uuidString, label: node.name,
                                       kind: node.isPerson ? "person" : "organization", step: node.step,
                                       href: href, x: point.x, y: point.y)
        }
        let edges = network.edges.map { edge in
            NetworkDiagram.Edge(from: edge.from.uuidString, to: edge.to.uuidString, label: through(edge, text: text),
                                weight: edge.weight)
        }
        let words = NetworkDiagram.Words(summary: text("network.connections"), from: text("network.from"),
                                         to: text("network.to"), through: text("network.through"))
        return NetworkDiagram(id: "network", title: text("network.title", name),
                              description: text("network.desc", (network.nodes.count - 1)),
                              width: width, height: height, nodes: nodes, edges: edges, words: words)
    }

    /// "3 engagements · post: Mayor of Mitrovica South · 1 agreement".
    static func through(_ edge: RelationshipNetwork.Edge, text: Localizer) -> String {
        var parts: [String] = []
        if edge.engagements > 0 { parts.append(text("network.engagements", edge.engagements)) }
        parts += edge.positions.map { text("network.position", $0) }
        if edge.agreements > 0 { parts.append(text("network.agreements", edge.agreements)) }
        if edge.groups > 0 { parts.append(text("network.groups", edge.groups)) }
        return parts.joined(separator: " · ")
    }
}
