/// The parts both charts share: the figure around the picture, the legend, the data table.
struct ChartFrame {
    static let legendHeight = 24.0
    /// Defaults for a standalone file; the site's stylesheet sets the same colours by class.
    static let fills = ["#2f5d8a", "#9bb7d4"]

    var kind: String
    var id: String
    var data: ChartData
    var words: ChartWords

    /// The picture, or the words for nothing to show.
    func write(to html: inout String, picture: (ChartFrame) -> Element) {
        (data.isEmpty ? empty() : picture(self)).write(to: &html)
    }

    func empty() -> Element {
        Element("figure", [("class", "chart \(kind) empty")], content: ComponentGroup(members: [
            Element("figcaption", content: Text(data.title)),
            Element("p", content: Text(words.empty)),
        ]))
    }

    /// One drawing of the chart: its size and what is drawn in it.
    struct Drawing {
        var width: Double
        var height: Double
        var parts: [any Component]
    }

    /// The figure: its caption, the picture, and the table of its data. With `narrow`, a second drawing
    /// for a phone, which the page's stylesheet shows there instead of the first: a picture drawn for a
    /// phone's width keeps its words at a size one can read.
    func figure(_ drawing: Drawing, narrow: Drawing? = nil) -> Element {
        var pictures = [picture(drawing, id: id)]
        if let narrow { pictures.append(picture(narrow, id: "\(id)-narrow", cssClass: "narrow")) }
        return Element("figure", [("class", "chart \(kind)")], content: ComponentGroup(members: [
            // The title first: on a page of charts it says what the picture below it is.
            Element("figcaption", content: Text(data.title)),
            ComponentGroup(members: pictures),
            Element("details", [("class", "chart-data")], content: ComponentGroup(members: [
                Element("summary", content: Text(words.data)),
                table(),
            ])),
        ]))
    }

    func picture(_ drawing: Drawing, id: String, cssClass: String? = nil) -> Element {
        var svg: [any Component] = [
            Element("title", [("id", "\(id)-title")], content: Text(data.title)),
            Element("desc", [("id", "\(id)-desc")], content: Text(data.description)),
        ]
        if data.seriesNames.count > 1 { svg.append(legend()) }
        svg += drawing.parts
        return SVG.root(id: id, width: drawing.width, height: drawing.height, cssClass: cssClass, content: svg)
    }

    func legend() -> Element {
        var items: [any Component] = []
        var x = 0.0
        for (s, name) in data.seriesNames.enumerated() {
            let label = SVGText.truncated(name, to: 24)
            items.append(SVG.shape("rect", [
                ("class", "series-\(s)"), ("x", SVGText.number(x)), ("y", "4"), ("width", "12"), ("height", "12"),
                ("fill", Self.fills[s % Self.fills.count]),
            ]))
            items.append(SVG.text(label, x: x + 16, y: 10, [("dy", "0.35em")]))
            x += 16 + SVGText.width(label) + 20
        }
        return Element("g", [("class", "legend")], content: ComponentGroup(members: items))
    }

    static func bar(x: Double, y: Double, width: Double, height: Double, series: Int, title: String) -> Element {
        Element("rect", [
            ("class", "bar series-\(series)"), ("x", SVGText.number(x)), ("y", SVGText.number(y)),
            ("width", SVGText.number(max(width, 0))), ("height", SVGText.number(max(height, 0))),
            ("fill", fills[series % fills.count]),
        ], content: Element("title", content: Text(title)))
    }

    /// The tooltip of a bar: "Prizren, This period: 12".
    func barTitle(_ row: ChartData.Row, _ series: Int, _ value: Int) -> String {
        let name = series < data.seriesNames.count ? data.seriesNames[series] : ""
        return name.isEmpty ? "\(row.label): \(value)" : "\(row.label), \(name): \(value)"
    }

    func table() -> Element {
        var header: [any Component] = [Element("th", [("scope", "col")], content: Text(data.categoryHeading))]
        for s in 0..<data.seriesCount {
            let name = s < data.seriesNames.count ? data.seriesNames[s] : ""
            header.append(Element("th", [("scope", "col"), ("class", "num")], content: Text(name)))
        }
        let rows: [any Component] = data.rows.map { row in
            var cells: [any Component] = [Element("th", [("scope", "row")], content: Text(row.label))]
            for s in 0..<data.seriesCount {
                cells.append(Element("td", [("class", "num")],
                                     content: Text(data.value(row, s).map(String.init) ?? "")))
            }
            return Element("tr", content: ComponentGroup(members: cells))
        }
        return Element("table", content: ComponentGroup(members: [
            Element("caption", content: Text(data.title)),
            Element("thead", content: Element("tr", content: ComponentGroup(members: header))),
            Element("tbody", content: ComponentGroup(members: rows)),
        ]))
    }
}
