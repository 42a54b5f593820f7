/// Bar and column charts drawn as SVG on the server: no script, readable without colour (every value is
/// written next to its bar) and when printed, with the same numbers in a table underneath for screen
/// readers and for anyone who wants to copy them.

/// What a chart shows: one row per category, one value per series (usually "This period" and
/// "Previous period"). Values past the last series name are ignored; a missing value counts as nothing.
public struct ChartData: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var label: String
        public var values: [Int]

        public init(label: String, values: [Int]) {
            self.label = label
            self.values = values
        }
    }

    public var title: String
    public var description: String
    public var categoryHeading: String
    public var seriesNames: [String]
    public var rows: [Row]

    public init(title: String, description: String, categoryHeading: String, seriesNames: [String], rows: [Row]) {
        self.title = title
        self.description = description
        self.categoryHeading = categoryHeading
        self.seriesNames = seriesNames
        self.rows = rows
    }

    /// At least one series, so a chart with no names still draws its values.
    var seriesCount: Int { max(1, seriesNames.count) }

    func value(_ row: Row, _ series: Int) -> Int? { series < row.values.count ? row.values[series] : nil }

    /// Largest value drawn (negative counts are drawn as nothing).
    var maximum: Int { rows.flatMap { row in (0..<seriesCount).map { value(row, $0) ?? 0 } }.max() ?? 0 }

    var isEmpty: Bool { maximum <= 0 }
}

/// The words a chart writes besides its data, in the reader's language: what an empty chart says, and
/// the summary of the table under the picture.
public struct ChartWords: Sendable, Equatable {
    public var empty: String, data: String

    public init(empty: String, data: String) { (self.empty, self.data) = (empty, data) }
}

/// The value axis: a maximum people read easily and the gridlines under it.
public enum ChartScale {
    /// The smallest 1, 2 or 5 × 10ⁿ at or above `value` (37 → 50, 100 → 100); 1 for zero or less.
    public static func niceMaximum(_ value: Int) -> Int {
        guard value > 1 else { return 1 }
        var power = 1
        while true {
            for factor in [1, 2, 5] where factor * power >= value { return factor * power }
            guard power <= Int.max / 100 else { return value }
            power *= 10
        }
    }

    /// Gridline values above zero, whole numbers only: 5 lines for 1 and 5 × 10ⁿ (10 → 2, 4 … 10),
    /// 4 for 2 × 10ⁿ (20 → 5 … 20). Maxima of 1 and 2 get 1 and 2 lines, as counts have no halves.
    public static func gridValues(maximum: Int) -> [Int] {
        let top = niceMaximum(maximum)
        var power = 1
        while power <= top / 10 { power *= 10 }
        let step = max(top / power == 2 ? top / 4 : top / 5, 1)
        return Array(stride(from: step, through: top, by: step))
    }
}

/// A chart drawn as SVG: horizontal bars, where long category names fit on the left and the picture still
/// reads on a phone, or vertical columns for a time series (months, quarters), which runs left to right.
public struct Chart: Component, Sendable {
    public enum Kind: String, Sendable {
        case bar = "bar-chart", column = "column-chart"
    }

    public var kind: Kind, id: String, data: ChartData, words: ChartWords

    /// `id` prefixes the ids inside the picture, so several charts can share a page.
    public init(_ kind: Kind, id: String, data: ChartData, words: ChartWords) {
        (self.kind, self.id, self.data, self.words) = (kind, id, data, words)
    }

    public func write(to html: inout String) {
        ChartFrame(kind: kind.rawValue, id: id, data: data, words: words)
            .write(to: &html, picture: kind == .bar ? Self.bars : Self.columns)
    }
}

extension Chart {
    /// Narrow, so text stays legible when the picture shrinks to a phone's width.
    static func bars(_ frame: ChartFrame) -> Element {
        let data = frame.data
        let width = 480.0
        let axis = ChartScale.niceMaximum(data.maximum)
        let labels = data.rows.map { SVGText.truncated($0.label, to: 24) }
        let labelWidth = labels.map(SVGText.width).max() ?? 0
        let plotLeft = labelWidth + 16
        // Room right of the longest bar for its value.
        let plotWidth = width - plotLeft - SVGText.width(String(axis)) - 16
        let series = data.seriesCount
        let barHeight = series > 1 ? 16.0 : 20.0
        let groupHeight = Double(series) * (barHeight + 2) + 12
        let top = (series > 1 ? ChartFrame.legendHeight : 0) + 6
        let plotBottom = top + Double(data.rows.count) * groupHeight - 12
        let height = plotBottom + 24

        var parts: [any Component] = []
        for value in [0] + ChartScale.gridValues(maximum: axis) {
            let x = plotLeft + Double(value) / Double(axis) * plotWidth
            if value > 0 { parts.append(SVG.line(x1: x, y1: top - 4, x2: x, y2: plotBottom + 4, className: "grid")) }
            parts.append(SVG.text(String(value), x: x, y: plotBottom + 18,
                                  [("class", "tick"), ("text-anchor", "middle")]))
        }
        parts.append(SVG.line(x1: plotLeft, y1: top - 4, x2: plotLeft, y2: plotBottom + 4, className: "axis"))
        for (r, row) in data.rows.enumerated() {
            let groupTop = top + Double(r) * groupHeight
            let middle = groupTop + (groupHeight - 12) / 2
            parts.append(SVG.text(labels[r], x: plotLeft - 8, y: middle,
                                  [("class", "category"), ("text-anchor", "end"), ("dy", "0.35em")], title: row.label))
            for s in 0..<series {
                guard let value = data.value(row, s) else { continue }
                let y = groupTop + Double(s) * (barHeight + 2)
                let length = Double(max(value, 0)) / Double(axis) * plotWidth
                parts.append(ChartFrame.bar(x: plotLeft, y: y, width: length, height: barHeight, series: s,
                                            title: frame.barTitle(row, s, value)))
                parts.append(SVG.text(String(value), x: plotLeft + length + 4, y: y + barHeight / 2,
                                      [("class", "value"), ("dy", "0.35em")]))
            }
        }
        return frame.figure(width: width, height: height, parts: parts)
    }

    /// Wider than the bars: a year or more of months needs the room.
    static func columns(_ frame: ChartFrame) -> Element {
        let data = frame.data
        let width = 560.0
        let axis = ChartScale.niceMaximum(data.maximum)
        let series = data.seriesCount
        // Labels sit flat when they fit their slot; otherwise they turn 45° (with room on the left for
        // the first one) and, if slots are still too narrow for a line of text, only every n-th is
        // written (the table has them all).
        let labels = data.rows.map { SVGText.truncated($0.label, to: 12) }
        let longest = labels.map(SVGText.width).max() ?? 0
        var plotLeft = SVGText.width(String(axis)) + 12
        let flat = longest <= (width - plotLeft - 8) / Double(data.rows.count) - 4
        if !flat { plotLeft = max(plotLeft, longest * 0.71 + 4) }
        let plotWidth = width - plotLeft - 8
        let slot = plotWidth / Double(data.rows.count)
        let every = flat ? 1 : Int((18 / slot).rounded(.up))
        let columnWidth = min(40, slot * 0.8 / Double(series))
        let plotHeight = 220.0
        let top = (series > 1 ? ChartFrame.legendHeight : 0) + 18  // room for a value over the tallest column
        let plotBottom = top + plotHeight
        let height = plotBottom + (flat ? 22 : longest * 0.71 + 22)

        var parts: [any Component] = []
        for value in [0] + ChartScale.gridValues(maximum: axis) {
            let y = plotBottom - Double(value) / Double(axis) * plotHeight
            if value > 0 {
                parts.append(SVG.line(x1: plotLeft, y1: y, x2: plotLeft + plotWidth, y2: y, className: "grid"))
            }
            parts.append(SVG.text(String(value), x: plotLeft - 6, y: y,
                                  [("class", "tick"), ("text-anchor", "end"), ("dy", "0.35em")]))
        }
        parts.append(SVG.line(x1: plotLeft, y1: plotBottom, x2: plotLeft + plotWidth, y2: plotBottom,
                              className: "axis"))
        for (r, row) in data.rows.enumerated() {
            let centre = plotLeft + (Double(r) + 0.5) * slot
            let groupLeft = centre - columnWidth * Double(series) / 2
            for s in 0..<series {
                guard let value = data.value(row, s) else { continue }
                let x = groupLeft + Double(s) * columnWidth
                let length = Double(max(value, 0)) / Double(axis) * plotHeight
                parts.append(ChartFrame.bar(x: x + 1, y: plotBottom - length, width: columnWidth - 2, height: length,
                                            series: s, title: frame.barTitle(row, s, value)))
                if SVGText.width(String(value)) <= columnWidth + 2 {
                    parts.append(SVG.text(String(value), x: x + columnWidth / 2, y: plotBottom - length - 4,
                                          [("class", "value"), ("text-anchor", "middle")]))
                }
            }
            guard r % every == 0 else { continue }
            if flat {
                parts.append(SVG.text(labels[r], x: centre, y: plotBottom + 16,
                                      [("class", "category"), ("text-anchor", "middle")], title: row.label))
            } else {
                let y = plotBottom + 12
                parts.append(SVG.text(labels[r], x: centre, y: y, [
                    ("class", "category"), ("text-anchor", "end"), ("dy", "0.35em"),
                    ("transform", "rotate(-45 \(SVGText.number(centre)) \(SVGText.number(y)))"),
                ], title: row.label))
            }
        }
        return frame.figure(width: width, height: height, parts: parts)
    }
}

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

    func figure(width: Double, height: Double, parts: [any Component]) -> Element {
        var svg: [any Component] = [
            Element("title", [("id", "\(id)-title")], content: Text(data.title)),
            Element("desc", [("id", "\(id)-desc")], content: Text(data.description)),
        ]
        if data.seriesNames.count > 1 { svg.append(legend()) }
        svg += parts
        return Element("figure", [("class", "chart \(kind)")], content: ComponentGroup(members: [
            // The title first: on a page of charts it says what the picture below it is.
            Element("figcaption", content: Text(data.title)),
            SVG.root(id: id, width: width, height: height, content: svg),
            Element("details", [("class", "chart-data")], content: ComponentGroup(members: [
                Element("summary", content: Text(words.data)),
                table(),
            ])),
        ]))
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

/// SVG elements used by the charts and the network picture. Every text goes through `Text`, every
/// attribute through `Element`, so names with `<` or `"` arrive as written.
enum SVG {
    /// - Parameter role: `img` for a picture; `group` when it holds links (an image may not contain controls).
    static func root(id: String, width: Double, height: Double, role: String = "img",
                     content: [any Component]) -> Element {
        Element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("role", role), ("aria-labelledby", "\(id)-title \(id)-desc"),
            ("viewBox", "0 0 \(SVGText.number(width)) \(SVGText.number(height))"), ("width", "100%"),
            ("preserveAspectRatio", "xMinYMin meet"), ("font-family", "system-ui, sans-serif"), ("font-size", "12"),
        ], content: ComponentGroup(members: content))
    }

    /// A shape with no content. Written with its end tag: inside `<svg>` an HTML parser treats `<rect>`
    /// as open until closed, so a void-style tag would swallow everything after it.
    static func shape(_ name: String, _ attributes: [(String, String?)]) -> Element {
        Element(name, attributes, content: EmptyComponent())
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) -> Element {
        SVG.shape("line", [
            ("class", className), ("x1", SVGText.number(x1)), ("y1", SVGText.number(y1)),
            ("x2", SVGText.number(x2)), ("y2", SVGText.number(y2)),
            ("stroke", className == "axis" ? "#5a6473" : "#d5dae1"),
        ])
    }

    /// A text; with `title`, the full wording a shortened label stands for (shown on hover).
    static func text(_ text: String, x: Double, y: Double, _ attributes: [(String, String?)] = [],
                     title: String? = nil) -> Element {
        var content: [any Component] = []
        if let title, title != text { content.append(Element("title", content: Text(title))) }
        content.append(Text(text))
        return Element("text", [("x", SVGText.number(x)), ("y", SVGText.number(y))] + attributes,
                       content: ComponentGroup(members: content))
    }
}

/// Measuring and writing without a font at hand.
enum SVGText {
    /// A generous average advance at 12 user units, so estimates err towards too much room, not clipping.
    static let characterWidth = 7.0

    static func width(_ text: String) -> Double { Double(text.count) * characterWidth }

    /// At most `limit` characters, the last an ellipsis when something was cut.
    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(limit - 1, 0))) + "…"
    }

    /// Coordinates to one decimal, without a trailing ".0", so pictures stay short and stable.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(rounded)
    }
}
