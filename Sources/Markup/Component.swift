/// A piece of HTML that writes itself into a string.
///
/// Roundtable renders its pages with this small module instead of Plot: Plot leaves attribute values
/// unescaped (a `"` in a person's name would end the `value` attribute of a form field) and spends
/// about 0.03 ms per element, which was half of a people-list page at 100,000 people. Here every text and
/// attribute value is escaped on the way out, and an element costs a few appends.
public protocol Component {
    func write(to html: inout String)
}

extension Component {
    /// The HTML of this component as a string.
    public func render() -> String {
        var html = ""
        html.reserveCapacity(4096)
        write(to: &html)
        return html
    }
}

/// Text content, escaped.
public struct Text: Component {
    public let text: String

    public init(_ text: String) { self.text = text }

    public func write(to html: inout String) { Escaping.appendText(text, to: &html) }
}

/// Markup that is already HTML (a trusted fragment the application built itself, never user input).
public struct TrustedHTML: Component {
    public let html: String

    public init(_ html: String) { self.html = html }

    public func write(to html: inout String) { html += self.html }
}

/// Several components in order.
public struct ComponentGroup: Component {
    public var members: [any Component]

    public init(members: [any Component]) { self.members = members }

    public func write(to html: inout String) {
        for member in members { member.write(to: &html) }
    }
}

/// Nothing at all.
public struct EmptyComponent: Component {
    public init() {}
    public func write(to html: inout String) {}
}

/// An element with attributes and content. Attribute names come from the code, values are escaped.
/// A nil value leaves the attribute out; an empty value writes a boolean attribute (`selected`).
public struct Element: Component {
    public let name: String
    public let attributes: [(String, String?)]
    public let content: (any Component)?

    /// An element with content (closing tag written even when the content is empty).
    public init(_ name: String, _ attributes: [(String, String?)] = [], content: any Component) {
        self.name = name
        self.attributes = attributes
        self.content = content
    }

    /// A void element such as `input` or `meta`: no content, no closing tag.
    public init(void name: String, _ attributes: [(String, String?)]) {
        self.name = name
        self.attributes = attributes
        self.content = nil
    }

    public func write(to html: inout String) {
        html += "<"
        html += name
        for (attribute, value) in attributes {
            guard let value else { continue }
            html += " "
            html += attribute
            if !value.isEmpty {
                html += "=\""
                Escaping.appendAttribute(value, to: &html)
                html += "\""
            }
        }
        html += ">"
        guard let content else { return }
        content.write(to: &html)
        html += "</"
        html += name
        html += ">"
    }
}

/// A paragraph of text or of other components.
public struct Paragraph: Component {
    let element: Element

    public init(_ text: String) { element = Element("p", content: Text(text)) }

    public init(@ComponentBuilder _ content: () -> any Component) { element = Element("p", content: content()) }

    public func write(to html: inout String) { element.write(to: &html) }
}
