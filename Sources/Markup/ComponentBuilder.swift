/// Lets views list their parts, with `if`, `if let`, `switch` and `for`, the way HTML reads.
/// Content is built at once (no closures are kept), so a view is a plain value.
@resultBuilder
public enum ComponentBuilder {
    public static func buildExpression(_ component: any Component) -> any Component { component }

    public static func buildExpression(_ component: (any Component)?) -> any Component { component ?? EmptyComponent() }

    public static func buildBlock(_ components: any Component...) -> any Component {
        components.count == 1 ? components[0] : ComponentGroup(members: components)
    }

    public static func buildOptional(_ component: (any Component)?) -> any Component { component ?? EmptyComponent() }

    public static func buildEither(first component: any Component) -> any Component { component }

    public static func buildEither(second component: any Component) -> any Component { component }

    public static func buildArray(_ components: [any Component]) -> any Component {
        ComponentGroup(members: components)
    }

    public static func buildLimitedAvailability(_ component: any Component) -> any Component { component }
}
