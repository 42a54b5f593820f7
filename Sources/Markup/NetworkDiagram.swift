/// A relationship network around one person or organisation, drawn at positions computed on the
/// server (see `NetworkLayout` in Domain). Shapes tell people from organisations without colour, and
/// a table underneath lists every connection for screen readers and for print.
public struct NetworkDiagram: Component, Sendable {
    public struct Node: Sendable, Equatable {
        public var id: String
        public var label: String
        /// "person" or "organization"; anything else is drawn as a person.
        public var kind: String
        /// 0 for the centre, 1 and 2 for one and two steps away.
        public var step: Int
        public var href: String?
        public var x: Double
        public var y: Double

        public init(id: String, label: String, kind: String, step: Int, href: String? = nil, x: Double, y: Double) {
            self.id = id
            self.label = label
            self.kind = kind
            self.step = step
            self.href = href
            self.x = x
            self.y = y
        }
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        /// What connects them, e.g. "3 engagements · partnership".
        public var label: String
        public var weight: Int

        public init(from: String, to: String, label: String, weight: Int = 1) {
            self.from = from
            self.to = to
            self.label = label
            self.weight = weight
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var width: Double
    public var height: Double
    public var nodes: [Node]
    public var edges: [Edge]
    public var words: Words

    /// The words around the picture, in the reader's language: the table's summary and its headings.
    public struct Words: Sendable, Equatable {
        public var summary: String
        public var from: String
        public var to: String
        public var through: String

        public init(summary: String, from: String, to: String, through: String) {
            self.summary = summary
            self.from = from
            self.to = to
            self.through = through
        }
    }

    public init(id: String, title: String, description: String, width: Double, height: Double, nodes: [Node],
                edges: [Edge], words: Words) {
        self.id = id
        self.title = title
        self.description = description
        self.width = width
        self.height = height
        self.nodes = nodes
        self.edges = edges
        self.words = words
    }

    /// Default fills for a standalone file; the site's stylesheet sets them by class.
    static let personFill = "#2f5d8a"
    static let organizationFill = "#9bb7d4"

    public func write(to html: inout String) {
        // First node wins when ids repeat; looked up, never iterated, so output follows the arrays' order.
        var byID: [String: Node] = [:]
        for node in nodes where byID[node.id] == nil { byID[node.id] = node }

        var svg: [any Component] = [
            Element("title", [("id", "\(id)-title")], content: Text(title)),
            Element("desc", [("id", "\(id)-desc")], content: Text(description)),
        ]
        // Lines first, so nodes are drawn over them.
        let lines: [any Component] = edges.compactMap { edge in
            guard let a = byID[edge.from], let b = byID[edge.to] else { return nil }
            return Element("line", [
                ("class", "edge"), ("x1", SVGText.number(a.x)), ("y1", SVGText.number(a.y)),
                ("x2", SVGText.number(b.x)), ("y2", SVGText.number(b.y)),
                ("stroke", "#8a94a3"), ("stroke-width", String(min(max(edge.weight, 1), 6))),
            ], content: Element("title", content: Text("\(a.label) – \(b.label): \(edge.label)")))
        }
        svg.append(Element("g", [("class", "edges")], content: ComponentGroup(members: lines)))
        svg.append(Element("g", [("class", "nodes")], content: ComponentGroup(members: nodes.map(node))))

        Element("figure", [("class", "network")], content: ComponentGroup(members: [
            SVG.root(id: id, width: width, height: height, role: nodes.contains { $0.href != nil } ? "group" : "img",
                     content: svg),
            Element("figcaption", content: Text(title)),
            Element("details", [("class", "chart-data")], content: ComponentGroup(members: [
                Element("summary", content: Text(words.summary)),
                table(byID),
            ])),
        ])).write(to: &html)
    }

    /// A circle (person) or rounded square (organisation) with its name underneath, a link when the
    /// node has a page. The full name is the node's `<title>`, so a shortened label loses nothing.
    func node(_ node: Node) -> any Component {
        let isOrganization = node.kind == "organization"
        let radius = node.step <= 0 ? 18.0 : 11.0
        let shape: Element
        if isOrganization {
            shape = SVG.shape("rect", [
                ("x", SVGText.number(node.x - radius)), ("y", SVGText.number(node.y - radius)),
                ("width", SVGText.number(2 * radius)), ("height", SVGText.number(2 * radius)), ("rx", "4"),
                ("fill", Self.organizationFill), ("stroke", "#1d2430"),
            ])
        } else {
            shape = SVG.shape("circle", [
                ("cx", SVGText.number(node.x)), ("cy", SVGText.number(node.y)), ("r", SVGText.number(radius)),
                ("fill", Self.personFill), ("stroke", "#1d2430"),
            ])
        }
        // Keep the label inside the picture when the node sits near a side.
        let label = SVGText.truncated(node.label, to: 24)
        let half = SVGText.width(label) / 2
        let labelX = min(max(node.x, half + 2), max(width - half - 2, half + 2))
        let classes = ["node", isOrganization ? "organization" : "person",
                       node.step <= 0 ? "centre" : "step-\(node.step)"]
        let group = Element("g", [("class", classes.joined(separator: " "))], content: ComponentGroup(members: [
            Element("title", content: Text(node.label)),
            shape,
            Element("text", [
                ("x", SVGText.number(labelX)), ("y", SVGText.number(node.y + radius + 14)), ("text-anchor", "middle"),
            ], content: Text(label)),
        ]))
        guard let href = node.href else { return group }
        return Element("a", [("href", href)], content: group)
    }

    /// Every connection in words: the facts the picture shows, for screen readers and print.
    func table(_ byID: [String: Node]) -> Element {
        func name(_ id: String) -> any Component {
            guard let node = byID[id] else { return Text(id) }
            guard let href = node.href else { return Text(node.label) }
            return Element("a", [("href", href)], content: Text(node.label))
        }
        let rows: [any Component] = edges.map { edge in
            Element("tr", content: ComponentGroup(members: [
                Element("td", content: name(edge.from)),
                Element("td", content: name(edge.to)),
                Element("td", content: Text(edge.label)),
            ]))
        }
        return Element("table", content: ComponentGroup(members: [
            Element("caption", content: Text(title)),
            Element("thead", content: Element("tr", content: ComponentGroup(members: [
                Element("th", [("scope", "col")], content: Text(words.from)),
                Element("th", [("scope", "col")], content: Text(words.to)),
                Element("th", [("scope", "col")], content: Text(words.through)),
            ]))),
            Element("tbody", content: ComponentGroup(members: rows)),
        ]))
    }
}
