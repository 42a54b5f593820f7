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

        public init(id: String, label: String, kind: String, step: Int, href: String? = nil) {
            self.id = id
            self.label = label
            self.kind = kind
            self.step = step
            self.href = href
        }
    }

    public struct Edge: Sendable, Equatable {
        public var from: String
        public var to: String
        /// What connects them, e.g. "3 engagements · partnership".
        public var label: String
        public var weight: Int
        /// "tie" (drawn as a full line) or "post" (a post there and nothing else: a dashed line).
        public var kind: String

        public init(from: String, to: String, label: String, weight: Int = 1, kind: String = "tie") {
            self.from = from
            self.to = to
            self.label = label
            self.weight = weight
            self.kind = kind
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

    /// Where the nodes sit in a picture of this size (`NetworkLayout` places them; a test may place them itself).
    public struct Frame: Sendable, Equatable {
        public var width: Double
        public var height: Double
        public var positions: [String: Point]

        public init(width: Double, height: Double, positions: [String: Point]) {
            self.width = width
            self.height = height
            self.positions = positions
        }
    }

    public var id: String
    public var title: String
    public var description: String
    public var nodes: [Node]
    public var edges: [Edge]
    public var words: Words
    public var frame: Frame
    /// The same nodes laid out again for a narrow screen: the page's stylesheet shows this drawing on a phone
    /// and the other one on wider screens.
    public var narrow: Frame?

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

    public init(id: String, title: String, description: String, nodes: [Node], edges: [Edge], words: Words, frame: Frame,
                narrow: Frame? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.nodes = nodes
        self.edges = edges
        self.words = words
        self.frame = frame
        self.narrow = narrow
    }

    /// Names up to this many characters are written whole; longer ones are shortened with an ellipsis.
    static let longestLabel = 30, longestNarrowLabel = 18

    /// Default fills for a standalone file; the site's stylesheet sets them by class.
    static let personFill = "#2f5d8a"
    static let organizationFill = "#9bb7d4"

    public func write(to html: inout String) {
        // First node wins when ids repeat; looked up, never iterated, so output follows the arrays' order.
        var byID: [String: Node] = [:]
        var unique: [Node] = []
        for node in nodes where byID[node.id] == nil {
            byID[node.id] = node
            unique.append(node)
        }
        var members: [any Component] = [
            drawing(unique, byID: byID, frame: frame, id: id, cssClass: narrow == nil ? nil : "wide", longest: Self.longestLabel,
                    growth: .outwards),
        ]
        if let narrow {
            members.append(drawing(unique, byID: byID, frame: narrow, id: "\(id)-narrow", cssClass: "narrow",
                                   longest: Self.longestNarrowLabel, growth: .downwards))
        }
        members += [
            Element("figcaption", content: Text(title)),
            Element("details", [("class", "chart-data")], content: ComponentGroup(members: [
                Element("summary", content: Text(words.summary)),
                table(byID),
            ])),
        ]
        Element("figure", [("class", "network")], content: ComponentGroup(members: members)).write(to: &html)
    }

    static func radius(_ node: Node) -> Double { node.step <= 0 ? 18 : 11 }

    /// One drawing: the lines, then the nodes over them, each name where `NetworkLabels` found room. The
    /// picture is cut to what is drawn and is as wide as that in CSS pixels, so its names read at 12 px
    /// wherever there is room and shrink only to fit a narrower column.
    func drawing(_ nodes: [Node], byID: [String: Node], frame: Frame, id: String, cssClass: String?,
                 longest: Int, growth: NetworkLabels.Growth) -> Element {
        let placed = nodes.filter { frame.positions[$0.id] != nil }
        let items = placed.map { node -> NetworkLabels.Item in
            let point = frame.positions[node.id]!
            return NetworkLabels.Item(id: node.id, label: node.label, x: point.x, y: point.y, radius: Self.radius(node))
        }
        let (scale, labels) = NetworkLabels.layout(items, width: frame.width, height: frame.height, longest: longest,
                                                    growth: growth)
        func point(_ id: String) -> Point? {
            frame.positions[id].map { Point(x: $0.x * scale.x, y: $0.y * scale.y) }
        }
        // What is drawn: every node (the centre's thick outline included) and every name with its halo.
        var bounds: NetworkLabels.Box?
        for item in items {
            let r = item.radius + 3
            let x = item.x * scale.x, y = item.y * scale.y
            let box = NetworkLabels.Box(minX: x - r, minY: y - r, maxX: x + r, maxY: y + r)
            bounds = bounds.map { $0.union(box) } ?? box
            if let label = labels[item.id] { bounds = bounds.map { $0.union(label.box.padded(2)) } }
        }
        let view = (bounds ?? NetworkLabels.Box(minX: 0, minY: 0, maxX: frame.width, maxY: frame.height)).padded(4)
        let viewWidth = view.maxX - view.minX, viewHeight = view.maxY - view.minY

        var svg: [any Component] = [
            Element("title", [("id", "\(id)-title")], content: Text(title)),
            Element("desc", [("id", "\(id)-desc")], content: Text(description)),
        ]
        // Lines first, so nodes are drawn over them.
        let lines: [any Component] = edges.compactMap { edge in
            guard let a = byID[edge.from], let b = byID[edge.to], let p = point(a.id), let q = point(b.id) else {
                return nil
            }
            let post = edge.kind == "post"
            return Element("line", [
                ("class", post ? "edge post" : "edge"), ("x1", SVGText.number(p.x)), ("y1", SVGText.number(p.y)),
                ("x2", SVGText.number(q.x)), ("y2", SVGText.number(q.y)),
                ("stroke", "#8a94a3"), ("stroke-width", String(min(max(edge.weight, 1), 6))),
                ("stroke-dasharray", post ? "5 4" : nil),
            ], content: Element("title", content: Text("\(a.label) – \(b.label): \(edge.label)")))
        }
        svg.append(Element("g", [("class", "edges")], content: ComponentGroup(members: lines)))
        svg.append(Element("g", [("class", "nodes")], content: ComponentGroup(members: placed.compactMap { node in
            guard let at = point(node.id), let label = labels[node.id] else { return nil }
            return self.node(node, at: at, label: label)
        })))
        return Element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", cssClass),
            ("role", nodes.contains { $0.href != nil } ? "group" : "img"),
            ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("viewBox", [view.minX, view.minY, viewWidth, viewHeight].map(SVGText.number).joined(separator: " ")),
            ("width", SVGText.number(viewWidth.rounded(.up))), ("height", SVGText.number(viewHeight.rounded(.up))),
            ("preserveAspectRatio", "xMinYMin meet"), ("font-family", "system-ui, sans-serif"), ("font-size", "12"),
        ], content: ComponentGroup(members: svg))
    }

    /// A circle (person) or rounded square (organisation) with its name where it was placed, a link when
    /// the node has a page. The full name is the node's `<title>`, so a shortened name loses nothing.
    func node(_ node: Node, at point: Point, label: NetworkLabels.Placement) -> any Component {
        let isOrganization = node.kind == "organization"
        let radius = Self.radius(node)
        let shape: Element
        if isOrganization {
            shape = SVG.shape("rect", [
                ("x", SVGText.number(point.x - radius)), ("y", SVGText.number(point.y - radius)),
                ("width", SVGText.number(2 * radius)), ("height", SVGText.number(2 * radius)), ("rx", "4"),
                ("fill", Self.organizationFill), ("stroke", "#1d2430"),
            ])
        } else {
            shape = SVG.shape("circle", [
                ("cx", SVGText.number(point.x)), ("cy", SVGText.number(point.y)), ("r", SVGText.number(radius)),
                ("fill", Self.personFill), ("stroke", "#1d2430"),
            ])
        }
        let classes = ["node", isOrganization ? "organization" : "person",
                       node.step <= 0 ? "centre" : "step-\(node.step)"]
        let group = Element("g", [("class", classes.joined(separator: " "))], content: ComponentGroup(members: [
            Element("title", content: Text(node.label)),
            shape,
            Element("text", [
                ("x", SVGText.number(label.x)), ("y", SVGText.number(label.y)), ("text-anchor", label.anchor),
            ], content: Text(label.text)),
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
