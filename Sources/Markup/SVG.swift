/// SVG elements used by the charts and the network picture. Every text goes through `Text`, every
/// attribute through `Element`, so names with `<` or `"` arrive as written.
enum SVG {
    /// - Parameter role: `img` for a picture; `group` when it holds links (an image may not contain controls).
    static func root(id: String, width: Double, height: Double, role: String = "img", cssClass: String? = nil,
                     content: [any Component]) -> Element {
        Element("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("class", cssClass), ("role", role),
            ("aria-labelledby", "\(id)-title \(id)-desc"),
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

    /// The advance of `text` at 12 user units, letter by letter, from DejaVu Sans — the widest of the fonts
    /// a browser is likely to pick for `system-ui` or `sans-serif` — plus 4 %, so that names placed apart
    /// stay apart in any of them. Letters not listed count as a wide capital.
    static func measure(_ text: String) -> Double {
        var total = 0.0
        for character in text {
            let c = String(character)
            let width: Double
            if narrowest.contains(c) { width = 3.9 }
            else if narrow.contains(c) { width = 4.8 }
            else if wide.contains(c) { width = 11.0 }
            else if widest.contains(c) { width = 13.2 }
            else if character.isNumber { width = 7.7 }
            else if character.isLowercase { width = 7.9 }
            else if character.isUppercase { width = 9.5 }
            else { width = 9.5 }
            total += width
        }
        return (total * 1.04).rounded(.up)
    }

    private static let narrowest: Set<String> = [" ", "i", "j", "l", "I", "J", "ı", "ј", "Ј", "'", ".", ",", ":", ";", "!", "|", "í", "ì", "ï", "î"]
    private static let narrow: Set<String> = ["f", "r", "t", "(", ")", "-", "/", "[", "]", "\"", "«", "»", "„", "“", "”", "’"]
    private static let wide: Set<String> = ["w", "M", "Ф", "ф", "ж", "ш", "щ", "ю", "Ю", "м", "Ђ", "Ћ", "%", "@", "&"]
    private static let widest: Set<String> = ["m", "W", "Ж", "Ш", "Щ", "Љ", "Њ", "љ", "њ", "…", "—"]

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
