import Foundation
@testable import Markup
import Testing

@Suite("Network names: never on each other, never on a node, never outside the picture")
struct NetworkLabelsTests {
    static let names = [
        "Emilija Redžepi", "Organisation for Security and Co-operation in Europe", "Bedri Hamza", "Miloš Jovanović",
        "Office of the Deputy Prime Minister for Minority Issues and Human Rights", "Љубиша Шћекић",
        "Municipality of Mitrovica South", "WWW MMM Wide Capitals Ltd.", "Ana", "Kübra Kalkandelen",
        "Канцеларија за заједнице Јужна Митровица", "Community Building Mitrovica",
    ]

    /// A centre and rings around it, the way the network page lays them out: `inner` direct connections and
    /// `outer` of theirs, with long names, short ones and Cyrillic ones.
    static func items(inner: Int, outer: Int, width: Double, height: Double) -> [NetworkLabels.Item] {
        let middle = (width / 2, height / 2), room = min(width, height) / 2 - 30
        var items = [NetworkLabels.Item(id: "centre", label: "James Holmes", x: middle.0, y: middle.1, radius: 18)]
        for (ring, count, share) in [(1, inner, 0.45), (2, outer, 0.9)] where count > 0 {
            for k in 0..<count {
                let angle = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(count) + Double(ring) * 0.1
                items.append(NetworkLabels.Item(
                    id: "\(ring)-\(k)", label: names[(k * 5 + ring) % names.count],
                    x: middle.0 + share * room * cos(angle), y: middle.1 + share * room * sin(angle), radius: 11))
            }
        }
        return items
    }

    @Test("every name has a free place inside the picture", arguments: [
        (3, 0, 680.0, 560.0, NetworkLabels.Growth.outwards), (12, 2, 680, 560, .outwards),
        (24, 24, 680, 560, .outwards), (6, 12, 340, 500, .outwards), (14, 2, 340, 500, .outwards),
        (24, 24, 340, 500, .outwards), (1, 0, 120, 80, .outwards),
        (6, 12, 340, 500, .downwards), (24, 24, 340, 500, .downwards), (12, 36, 340, 500, .downwards),
        (40, 40, 340, 500, .downwards),
    ])
    func namesApart(inner: Int, outer: Int, width: Double, height: Double, growth: NetworkLabels.Growth) throws {
        let items = Self.items(inner: inner, outer: outer, width: width, height: height)
        let (scale, labels) = NetworkLabels.layout(items, width: width, height: height, longest: 24, growth: growth)
        if growth == .downwards && inner + outer < 50 {
            #expect(scale.x == 1, "a phone's picture grows sideways only when six times its height is not enough")
        }
        #expect(labels.count == items.count)
        let boxes = try items.map { try #require(labels[$0.id]).box }
        for (i, box) in boxes.enumerated() {
            #expect(box.minX >= 0 && box.minY >= 0 && box.maxX <= width * scale.x && box.maxY <= height * scale.y,
                    "\(items[i].label) leaves the picture")
            for (j, other) in boxes.enumerated() where j > i {
                #expect(!box.overlaps(other), "\(items[i].label) and \(items[j].label) overlap")
            }
            for item in items {
                // The nodes moved out with the picture and kept their size.
                let x = item.x * scale.x, y = item.y * scale.y, r = item.radius
                let node = NetworkLabels.Box(minX: x - r, minY: y - r, maxX: x + r, maxY: y + r)
                #expect(!box.overlaps(node), "\(items[i].label) covers the node of \(item.label)")
            }
        }
    }

    @Test("a name is written whole when it fits, else its beginning and an ellipsis")
    func shortened() throws {
        let items = Self.items(inner: 24, outer: 24, width: 340, height: 500)
        let (_, labels) = NetworkLabels.layout(items, width: 340, height: 500, longest: 18)
        for item in items {
            let text = try #require(labels[item.id]).text
            #expect(text.count <= 18)
            if text != item.label {
                #expect(text.hasSuffix("…") && item.label.hasPrefix(String(text.dropLast())))
            }
        }
        #expect(labels["centre"]?.text == "James Holmes")
    }

    @Test("the same network gives the same places")
    func stable() {
        let items = Self.items(inner: 12, outer: 20, width: 680, height: 560)
        let first = NetworkLabels.layout(items, width: 680, height: 560, longest: 30)
        let second = NetworkLabels.layout(items, width: 680, height: 560, longest: 30)
        #expect(first.scale == second.scale && first.labels == second.labels)
    }

    @Test("widths are estimated at least as wide as DejaVu Sans draws them at 12 px")
    func generousWidths() {
        // Measured in Chromium with DejaVu Sans (getComputedTextLength, 12 px).
        #expect(SVGText.measure("International Community Organisation") >= 230.4)
        #expect(SVGText.measure("UNMIK") >= 5 * 9.1)
        #expect(SVGText.measure("Љубиша Шћекић") >= 116.5)
        #expect(SVGText.measure("mmmm WWWW") >= 4 * 11.7 + 4 * 11.9 + 3.8)
        #expect(SVGText.measure("Žaklina Đurđević-Čolić") >= 135)
    }

    @Test("a picture with a phone's drawing holds both, each named, the phone's hidden by the stylesheet on wide screens")
    func twoDrawings() throws {
        var diagram = ChartsTests.network
        diagram.narrow = NetworkDiagram.Frame(width: 200, height: 300, positions: [
            "p1": .init(x: 100, y: 150), "o1": .init(x: 60, y: 60), "p2": .init(x: 150, y: 250),
        ])
        let html = diagram.render()
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"wide\""))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"narrow\""))
        #expect(html.contains("aria-labelledby=\"net-narrow-title net-narrow-desc\""))
        #expect(html.components(separatedBy: "<table>").count == 2, "one table for both drawings")
    }
}
