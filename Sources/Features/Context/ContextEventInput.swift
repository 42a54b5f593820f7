import Domain
import Foundation

public struct ContextEventInput: Sendable, Equatable {
    public var title: String
    public var kind: String
    public var severity: String
    public var startsOn: String
    /// Empty for a single day.
    public var endsOn: String?
    public var description: String?
    public var sourceURL: String?
    public var confidentiality: String = Confidentiality.internal.rawValue
    public var placeIDs: [UUID] = []

    public init(title: String, kind: String, severity: String, startsOn: String) {
        self.title = title
        self.kind = kind
        self.severity = severity
        self.startsOn = startsOn
    }
}
