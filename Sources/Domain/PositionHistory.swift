/// A person's roles over time, and the one question reports ask of them.
public struct HeldPosition: Equatable, Sendable {
    public var title: String
    public var organization: String
    public var span: DaySpan

    public init(title: String, organization: String, span: DaySpan) {
        self.title = title
        self.organization = organization
        self.span = span
    }
}

public enum PositionHistory {
    /// The title a person held on a day: the position covering that day that started latest (a new
    /// appointment wins over an older open-ended one); nil when none covers it.
    public static func title(on day: Day, among positions: [HeldPosition]) -> HeldPosition? {
        positions.filter { $0.span.contains(day) }
            .max { ($0.span.from ?? Day(year: 1, month: 1, day: 1)!) < ($1.span.from ?? Day(year: 1, month: 1, day: 1)!) }
    }
}
