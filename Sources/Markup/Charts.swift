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
        ChartFrame(kind: kind.rawValue, id: id, data: data, words: words).write(to: &html) { frame in
            kind == .bar
                ? frame.figure(Self.bars(frame, width: 480, longest: 24), narrow: Self.bars(frame, width: 330, longest: 16))
                : frame.figure(Self.columns(frame, width: 560), narrow: Self.columns(frame, width: 340))
        }
    }
}

extension Chart {
    /// Narrow (480 wide, 330 for a phone, names shortened sooner), so text stays legible on any screen.
    static func bars(_ frame: ChartFrame, width: Double, longest: Int) -> ChartFrame.Drawing {
        let data = frame.data
        let axis = ChartScale.niceMaximum(data.maximum)
        let labels = data.rows.map { SVGText.truncated($0.label, to: longest) }
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
        return ChartFrame.Drawing(width: width, height: height, parts: parts)
    }

    /// Wider than the bars (560, 340 for a phone): a year or more of months needs the room.
    static func columns(_ frame: ChartFrame, width: Double) -> ChartFrame.Drawing {
        let data = frame.data
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
        return ChartFrame.Drawing(width: width, height: height, parts: parts)
    }
}
