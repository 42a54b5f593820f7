import Domain
import Features
import Markup

extension NetworkPage {
    static func diagram(_ network: RelationshipNetwork, name: String, text: Localizer) -> Component {
        let nodes = network.nodes.map { node in
            NetworkDiagram.Node(id: node.id.uuidString, label: node.name, kind: node.isPerson ? "person" : "organization",
                                step: node.step, href: SiteURL.record(node.isPerson ? .person : .organization, node.id, .network).path)
        }
        let edges = network.edges.map { edge in
            NetworkDiagram.Edge(from: edge.from.uuidString, to: edge.to.uuidString, label: through(edge, text: text),
                                weight: edge.weight, kind: isPostOnly(edge) ? "post" : "tie")
        }
        let words = NetworkDiagram.Words(summary: text("network.connections"), from: text("network.from"),
                                         to: text("network.to"), through: text("network.through"))
        return H.group {
            NetworkDiagram(id: "network", title: text("network.title", name),
                           description: text("network.desc", (network.nodes.count - 1)), nodes: nodes, edges: edges, words: words,
                           frame: NetworkLayout.frame(nodes, edges, width: width, height: height, margin: margin),
                           // The same network again in a frame a phone shows at about its own size.
                           narrow: NetworkLayout.frame(nodes, edges, width: narrowWidth, height: narrowHeight, margin: narrowMargin,
                                                       stretched: true))
            legend(twoSteps: network.nodes.contains { $0.step == 2 }, posts: network.edges.contains(where: isPostOnly),
                   name: name, centreIsPerson: network.nodes.first { $0.step == 0 }?.isPerson ?? true, text: text)
        }
    }

    /// A tie that is a post there and nothing else: drawn dashed.
    static func isPostOnly(_ edge: RelationshipNetwork.Edge) -> Bool {
        !edge.positions.isEmpty && edge.engagements == 0 && edge.agreements == 0 && edge.groups == 0
    }

    /// What the shapes and lines mean, each beside a small copy of its mark (the marks are decoration: the
    /// words say it all).
    static func legend(twoSteps: Bool, posts: Bool, name: String, centreIsPerson: Bool,
                       text: Localizer) -> Component {
        func mark(@ComponentBuilder _ content: () -> Component) -> Component {
            H.el("svg", [("class", "mark"), ("viewBox", "0 0 28 20"), ("width", "28"), ("height", "20"),
                         ("aria-hidden", "true"), ("focusable", "false")], content)
        }
        return H.el("ul", [("class", "legend network-legend"), ("aria-label", text("network.legend"))]) {
            H.el("li", [("class", "person")]) {
                mark { H.el("circle", [("cx", "14"), ("cy", "10"), ("r", "7"), ("stroke", "#1d2430")]) { H.empty } }
                Text(text("network.legend.person"))
            }
            H.el("li", [("class", "organization")]) {
                mark {
                    H.el("rect", [("x", "7"), ("y", "3"), ("width", "14"), ("height", "14"), ("rx", "3"),
                                  ("stroke", "#1d2430")]) { H.empty }
                }
                Text(text("network.legend.organization"))
            }
            H.el("li", [("class", centreIsPerson ? "centre person" : "centre organization")]) {
                mark {
                    if centreIsPerson {
                        H.el("circle", [("cx", "14"), ("cy", "10"), ("r", "8"), ("stroke", "#1d2430")]) { H.empty }
                    } else {
                        H.el("rect", [("x", "6"), ("y", "2"), ("width", "16"), ("height", "16"), ("rx", "3"),
                                      ("stroke", "#1d2430")]) { H.empty }
                    }
                }
                Text(text("network.legend.centre", name))
            }
            H.el("li") {
                mark {
                    H.el("line", [("class", "edge"), ("x1", "1"), ("y1", "6"), ("x2", "27"), ("y2", "6"),
                                  ("stroke-width", "1")]) { H.empty }
                    H.el("line", [("class", "edge"), ("x1", "1"), ("y1", "15"), ("x2", "27"), ("y2", "15"),
                                  ("stroke-width", "5")]) { H.empty }
                }
                Text(text("network.legend.tie"))
            }
            if posts {
                H.el("li") {
                    mark {
                        H.el("line", [("class", "edge post"), ("x1", "1"), ("y1", "10"), ("x2", "27"), ("y2", "10"),
                                      ("stroke-width", "2"), ("stroke-dasharray", "5 4")]) { H.empty }
                    }
                    Text(text("network.legend.post"))
                }
            }
            if twoSteps { H.el("li", [("class", "words")]) { Text(text("network.legend.rings")) } }
        }
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
