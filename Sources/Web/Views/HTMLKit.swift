import Plot

/// A thin layer over Plot's components for the elements and attributes Plot has no helper for.
/// Text passed as content is always escaped by Plot.
enum H {
    /// An element with attributes (nil values are left out; empty strings render as boolean attributes).
    static func el(_ name: String, _ attributes: [(String, String?)] = [], @ComponentBuilder _ content: @escaping () -> Component) -> Component {
        // Attributes as nodes of the element, not as modifiers: each modifier wraps the component in
        // another layer that the renderer unwraps, which made long lists slow to render.
        var nodes: [Node<Any>] = attributes.compactMap { key, value in
            value.map { Node<Any>.attribute(named: key, value: $0, ignoreIfValueIsEmpty: false) }
        }
        nodes.append(.component(content()))
        return Node<Any>.element(named: name, nodes: nodes)
    }

    static func text(_ name: String, _ attributes: [(String, String?)] = [], _ text: String) -> Component {
        el(name, attributes) { Text(text) }
    }

    /// A void element (`input`, `meta`, `link`) — no content, no closing tag.
    static func void(_ name: String, _ attributes: [(String, String?)]) -> Component {
        Node<Any>.selfClosedElement(
            named: name,
            attributes: attributes.compactMap { key, value in
                value.map { Attribute<Any>(name: key, value: $0, ignoreIfValueIsEmpty: false) }
            }
        )
    }

    static func link(_ text: String, to url: SiteURL, _ attributes: [(String, String?)] = []) -> Component {
        el("a", [("href", url.path)] + attributes) { Text(text) }
    }

    /// Renders a list of components in order.
    static func group(_ components: [Component]) -> Component {
        ComponentGroup(members: components)
    }

    static var empty: Component { EmptyComponent() }
}
