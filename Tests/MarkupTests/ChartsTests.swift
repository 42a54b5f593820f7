import Foundation
import Markup
import Testing

@Suite("Charts and network pictures: SVG, escaped, with the same facts in a table")
struct ChartsTests {
    /// The words a page passes from its catalogue; Markup has none of its own.
    static let words = ChartWords(empty: "Nothing to show for this period.", data: "Data")
    static let networkWords = NetworkDiagram.Words(summary: "Connections", from: "From", to: "To", through: "Through")

    static let byPlace = ChartData(
        title: "Engagements by municipality",
        description: "Engagements per municipality, this period against the previous one.",
        categoryHeading: "Municipality",
        seriesNames: ["This period", "Previous period"],
        rows: [
            ChartData.Row(label: "Prishtinë", values: [37, 22]),
            ChartData.Row(label: "<script>\"q\"", values: [12, 19]),
            ChartData.Row(label: "Gjakovë", values: [0, 3]),
        ]
    )

    static func byMonth(_ months: Int) -> ChartData {
        let rows = (1...months).map { month in
            ChartData.Row(label: "2025-" + (month < 10 ? "0\(month)" : "\(month)"), values: [month * 3])
        }
        return ChartData(title: "Engagements per month", description: "One column per month.", categoryHeading: "Month", seriesNames: ["Engagements"], rows: rows)
    }

    static func count(_ needle: String, in html: String) -> Int { html.components(separatedBy: needle).count - 1 }

    /// The value of the first `name="…"` in `html`.
    static func attribute(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: " \(name)=\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }

    static func charts(_ data: ChartData) -> [String] {
        [Chart(.bar, id: "c", data: data, words: Self.words).render(), Chart(.column, id: "c", data: data, words: Self.words).render()]
    }

    @Test("labels with markup and quotes arrive as text, in the picture and in the table")
    func escaping() {
        for html in Self.charts(Self.byPlace) {
            #expect(!html.contains("<script>"))
            #expect(html.contains(">&lt;script&gt;\"q\"</text>"))
            #expect(html.contains("<th scope=\"row\">&lt;script&gt;\"q\"</th>"))
        }
    }

    @Test("a figure: its caption, the picture, then the data behind it")
    func structure() throws {
        for html in Self.charts(Self.byPlace) {
            #expect(html.hasPrefix("<figure class=\"chart "))
            #expect(html.contains("role=\"img\""))
            #expect(html.contains("width=\"100%\""))
            #expect(html.contains("preserveAspectRatio=\"xMinYMin meet\""))
            #expect(html.contains("<title id=\"c-title\">Engagements by municipality</title>"))
            #expect(html.contains("<desc id=\"c-desc\">Engagements per municipality, this period against the previous one.</desc>"))
            let svg = try #require(html.range(of: "<svg"))
            let caption = try #require(html.range(of: "<figcaption>Engagements by municipality</figcaption>"))
            let details = try #require(html.range(of: "<details class=\"chart-data\"><summary>Data</summary><table><caption>"))
            #expect(caption.lowerBound < svg.lowerBound && svg.lowerBound < details.lowerBound)
            #expect(html.hasSuffix("</figure>"))
        }
    }

    @Test("the table has a header, every row and every value, numbers right-aligned")
    func table() throws {
        let html = Chart(.bar, id: "c", data: Self.byPlace, words: Self.words).render()
        let table = String(html[try #require(html.range(of: "<table>")).lowerBound...])
        #expect(table.contains("<caption>Engagements by municipality</caption>"))
        #expect(table.contains("<thead><tr><th scope=\"col\">Municipality</th><th scope=\"col\" class=\"num\">This period</th><th scope=\"col\" class=\"num\">Previous period</th></tr></thead>"))
        #expect(table.contains("<tr><th scope=\"row\">Prishtinë</th><td class=\"num\">37</td><td class=\"num\">22</td></tr>"))
        #expect(table.contains("<tr><th scope=\"row\">&lt;script&gt;\"q\"</th><td class=\"num\">12</td><td class=\"num\">19</td></tr>"))
        #expect(table.contains("<tr><th scope=\"row\">Gjakovë</th><td class=\"num\">0</td><td class=\"num\">3</td></tr>"))
        #expect(Self.count("<tr>", in: table) == 4)
    }

    @Test("every value is written on its bar, so the picture reads without colour")
    func valuesOnBars() {
        for html in Self.charts(Self.byPlace) {
            for value in [37, 22, 12, 19, 3] { #expect(html.contains(">\(value)</text>"), "value \(value)") }
            #expect(html.contains("class=\"bar series-0\""))
            #expect(html.contains("class=\"bar series-1\""))
            #expect(html.contains("fill=\"#2f5d8a\""))
            #expect(html.contains("fill=\"#9bb7d4\""))
        }
    }

    @Test("shapes inside the SVG are closed, so the HTML parser does not nest what follows in them")
    func shapesClosed() {
        for html in Self.charts(Self.byPlace) {
            #expect(Self.count("<rect", in: html) == Self.count("</rect>", in: html))
            #expect(Self.count("<line", in: html) == Self.count("</line>", in: html))
            #expect(!html.contains("/>"))
        }
    }

    @Test("no rows, or only zeros: a sentence in place of the picture", arguments: [
        [ChartData.Row](),
        [ChartData.Row(label: "Prizren", values: [0, 0]), ChartData.Row(label: "Peja", values: [0])],
    ])
    func empty(rows: [ChartData.Row]) {
        let data = ChartData(title: "Quiet", description: "Nothing yet.", categoryHeading: "Municipality", seriesNames: ["This period", "Previous period"], rows: rows)
        for html in Self.charts(data) {
            #expect(html.hasPrefix("<figure class=\"chart "))
            #expect(html.contains("<p>Nothing to show for this period.</p>"))
            #expect(html.contains("<figcaption>Quiet</figcaption>"))
            #expect(!html.contains("<svg"))
        }
        #expect(Chart(.bar, id: "q", data: data, words: ChartWords(empty: "Ništa za prikaz.", data: "Podaci")).render().contains("<p>Ništa za prikaz.</p>"))
        #expect(Chart(.column, id: "q", data: data, words: ChartWords(empty: "Ništa za prikaz.", data: "Podaci")).render().contains("<p>Ništa za prikaz.</p>"))
    }

    @Test("two series get a legend naming both; one series needs none")
    func legend() throws {
        for html in Self.charts(Self.byPlace) {
            let start = try #require(html.range(of: "<g class=\"legend\">"))
            let legend = html[start.lowerBound...]
            let end = try #require(legend.range(of: "</g>"))
            let part = String(legend[..<end.upperBound])
            #expect(part.contains(">This period</text>"))
            #expect(part.contains(">Previous period</text>"))
            #expect(part.contains("class=\"series-0\"") && part.contains("class=\"series-1\""))
        }
        for html in Self.charts(Self.byMonth(3)) { #expect(!html.contains("class=\"legend\"")) }
    }

    @Test("the axis ends on 1, 2 or 5 × 10ⁿ", arguments: [
        (0, 1), (-4, 1), (1, 1), (2, 2), (3, 5), (7, 10), (10, 10), (11, 20), (37, 50), (101, 200), (499, 500), (5000, 5000),
    ])
    func niceMaximum(value: Int, expected: Int) {
        #expect(ChartScale.niceMaximum(value) == expected)
    }

    @Test("three to five gridlines, whole numbers only")
    func gridlines() {
        #expect(ChartScale.gridValues(maximum: 37) == [10, 20, 30, 40, 50])
        #expect(ChartScale.gridValues(maximum: 20) == [5, 10, 15, 20])
        #expect(ChartScale.gridValues(maximum: 100) == [20, 40, 60, 80, 100])
        #expect(ChartScale.gridValues(maximum: 0) == [1])
        #expect(ChartScale.gridValues(maximum: 2) == [1, 2])
        for value in [3, 5, 9, 10, 37, 150, 999, 12345] {
            #expect((3...5).contains(ChartScale.gridValues(maximum: value).count), "maximum \(value)")
        }
        for html in Self.charts(Self.byPlace) {
            #expect(html.contains(">50</text>"))
            #expect(!html.contains(">60</text>"))
            #expect(Self.count("class=\"grid\"", in: html) == 10)  // five in each drawing: the wide one and a phone's
        }
    }

    @Test("each chart is drawn again for a phone: narrower, its own title and description, one table for both")
    func phoneDrawing() throws {
        let bars = Chart(.bar, id: "b", data: Self.byPlace, words: Self.words).render()
        #expect(bars.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"b-title b-desc\" viewBox=\"0 0 480 "))
        #expect(bars.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"narrow\" role=\"img\" aria-labelledby=\"b-narrow-title b-narrow-desc\" viewBox=\"0 0 330 "))
        #expect(Self.count("<table>", in: bars) == 1)
        let columns = Chart(.column, id: "c", data: Self.byMonth(12), words: Self.words).render()
        #expect(columns.contains("class=\"narrow\" role=\"img\" aria-labelledby=\"c-narrow-title c-narrow-desc\" viewBox=\"0 0 340 "))
    }

    @Test("the picture is labelled by its own title and description, and ids differ between charts")
    func labelledBy() throws {
        let page = [
            (Chart(.bar, id: "by-place", data: Self.byPlace, words: Self.words).render(), "by-place"),
            (Chart(.column, id: "by-month", data: Self.byMonth(12), words: Self.words).render(), "by-month"),
        ]
        for (html, id) in page {
            let ids = try #require(Self.attribute("aria-labelledby", in: html))
            #expect(ids == "\(id)-title \(id)-desc")
            for part in ids.split(separator: " ") { #expect(html.contains("id=\"\(part)\"")) }
        }
    }

    @Test("a long bar label is shortened in the picture, whole in its tooltip and the table")
    func longLabel() {
        let label = "Organisation for Security and Co-operation in Europe"
        let data = ChartData(title: "Partners", description: "Engagements per partner.", categoryHeading: "Partner", seriesNames: ["This period"], rows: [
            ChartData.Row(label: label, values: [4]),
        ])
        let html = Chart(.bar, id: "p", data: data, words: Self.words).render()
        #expect(html.contains(">" + String(label.prefix(23)) + "…</text>"))
        #expect(html.contains("<title>\(label)</title>"))
        #expect(html.contains("<th scope=\"row\">\(label)</th>"))
    }

    @Test("month labels sit flat when they fit and turn when there are many")
    func columnLabels() {
        let few = Chart(.column, id: "m", data: Self.byMonth(3), words: Self.words).render()
        #expect(few.contains(">2025-01</text>"))
        #expect(!few.contains("rotate("))
        #expect(few.contains(">9</text>"))

        let many = Chart(.column, id: "m", data: Self.byMonth(12), words: Self.words).render()
        #expect(many.contains("rotate(-45"))
        for month in 1...12 { #expect(many.contains("<td class=\"num\">\(month * 3)</td>")) }
    }

    // MARK: Network

    static var network: NetworkDiagram {
        NetworkDiagram(
            id: "net", title: "Network of Emilija Redžepi", description: "People and organisations connected to Emilija Redžepi.",
            nodes: [
                NetworkDiagram.Node(id: "p1", label: "Emilija Redžepi", kind: "person", step: 0, href: "/people/1"),
                NetworkDiagram.Node(
                    id: "o1", label: "Organisation for Security and Co-operation in Europe", kind: "organization", step: 1,
                    href: "/organizations/1?tab=a&b=\"c\""
                ),
                NetworkDiagram.Node(id: "p2", label: "Bedri <b>Hamza</b>", kind: "person", step: 2, href: nil),
            ],
            edges: [
                NetworkDiagram.Edge(from: "p1", to: "o1", label: "3 engagements · partnership", weight: 3),
                NetworkDiagram.Edge(from: "o1", to: "p2", label: "12 engagements", weight: 12),
            ], words: Self.networkWords,
            frame: NetworkDiagram.Frame(width: 400, height: 300, positions: [
                "p1": .init(x: 200, y: 150), "o1": .init(x: 100, y: 80), "p2": .init(x: 320, y: 240),
            ])
        )
    }

    @Test("the connections table lists every edge, names linked where they have a page")
    func networkTable() throws {
        let html = Self.network.render()
        #expect(html.hasPrefix("<figure class=\"network\"><svg"))
        #expect(html.contains("<details class=\"chart-data\"><summary>Connections</summary><table><caption>Network of Emilija Redžepi</caption>"))
        #expect(html.contains("<tr><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">Through</th></tr>"))
        #expect(html.contains(
            "<tr><td><a href=\"/people/1\">Emilija Redžepi</a></td>"
                + "<td><a href=\"/organizations/1?tab=a&amp;b=&quot;c&quot;\">Organisation for Security and Co-operation in Europe</a></td>"
                + "<td>3 engagements · partnership</td></tr>"
        ))
        #expect(html.contains(
            "<tr><td><a href=\"/organizations/1?tab=a&amp;b=&quot;c&quot;\">Organisation for Security and Co-operation in Europe</a></td>"
                + "<td>Bedri &lt;b&gt;Hamza&lt;/b&gt;</td><td>12 engagements</td></tr>"
        ))
        let tbody = String(html[try #require(html.range(of: "<tbody>")).lowerBound...])
        #expect(Self.count("<tr>", in: tbody) == 2)
    }

    @Test("the network picture: escaped links, shapes by kind, lines by weight")
    func networkPicture() throws {
        let html = Self.network.render()
        #expect(!html.contains("<b>"))
        #expect(!html.contains("b=\"c\""))
        #expect(html.contains("<a href=\"/organizations/1?tab=a&amp;b=&quot;c&quot;\"><g class=\"node organization step-1\">"))
        #expect(html.contains("<a href=\"/people/1\"><g class=\"node person centre\">"))
        #expect(html.contains("</a><g class=\"node person step-2\">"))  // no page, no link
        #expect(Self.count("<circle", in: html) == 2)
        #expect(Self.count("<rect", in: html) == 1)
        #expect(Self.count("<line", in: html) == 2)
        #expect(Self.count("<line", in: html) == Self.count("</line>", in: html))
        #expect(html.contains("stroke-width=\"3\""))
        #expect(html.contains("stroke-width=\"6\""))  // 12 engagements draw no wider than 6
        #expect(html.contains("<title>Emilija Redžepi – Organisation for Security and Co-operation in Europe: 3 engagements · partnership</title>"))
        #expect(html.contains(">Organisation for Security and…</text>"))  // 30 characters at most
        #expect(html.contains("<title>Organisation for Security and Co-operation in Europe</title>"))
        #expect(html.contains(">Bedri &lt;b&gt;Hamza&lt;/b&gt;</text>"))
        let ids = try #require(Self.attribute("aria-labelledby", in: html))
        #expect(ids == "net-title net-desc")
        #expect(html.contains("<title id=\"net-title\">Network of Emilija Redžepi</title>"))
        #expect(html.contains("<desc id=\"net-desc\">People and organisations connected to Emilija Redžepi.</desc>"))
    }

    @Test("an edge to a node that is not drawn stays in the table, without a line")
    func unknownNode() {
        let diagram = NetworkDiagram(
            id: "n", title: "Network", description: "",
            nodes: [NetworkDiagram.Node(id: "a", label: "Ana", kind: "person", step: 0)],
            edges: [NetworkDiagram.Edge(from: "a", to: "gone", label: "1 engagement", weight: 1)], words: Self.networkWords,
            frame: NetworkDiagram.Frame(width: 200, height: 200, positions: ["a": .init(x: 100, y: 100)])
        )
        let html = diagram.render()
        #expect(!html.contains("<line"))
        #expect(html.contains("<tr><td>Ana</td><td>gone</td><td>1 engagement</td></tr>"))
    }
}
