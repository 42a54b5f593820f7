import Markup

/// Short names for building elements in views. Text and attribute values are always escaped.
enum H {
    /// An element with attributes (nil values are left out; empty strings render as boolean attributes).
    static func el(_ name: String, _ attributes: [(String, String?)] = [],
                   @ComponentBuilder _ content: () -> Component) -> Component {
        Element(name, attributes, content: content())
    }

    static func text(_ name: String, _ attributes: [(String, String?)] = [], _ text: String) -> Component {
        Element(name, attributes, content: Text(text))
    }

    /// A void element (`input`, `meta`, `link`) — no content, no closing tag.
    static func void(_ name: String, _ attributes: [(String, String?)]) -> Component {
        Element(void: name, attributes)
    }

    static func link(_ text: String, to url: SiteURL, _ attributes: [(String, String?)] = []) -> Component {
        Element("a", [("href", url.path)] + attributes, content: Text(text))
    }

    /// Renders a list of components in order.
    static func group(_ components: [Component]) -> Component {
        ComponentGroup(members: components)
    }

    /// Several components without a wrapping element.
    static func group(@ComponentBuilder _ content: () -> Component) -> Component { content() }

    static var empty: Component { EmptyComponent() }
}
