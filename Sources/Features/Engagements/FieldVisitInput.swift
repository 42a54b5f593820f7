import Domain
import Foundation

public struct FieldVisitInput: Sendable, Equatable {
    public var title: String
    public var purpose: String?
    public var startsOn: String
    public var endsOn: String
    public var status: String = VisitStatus.planned.rawValue
    public var summary: String?
    public var placeIDs: [UUID] = []
    /// The delegation: users of Roundtable and people from the registry.
    public var memberUserIDs: [UUID] = []
    public var memberPersonIDs: [UUID] = []

    public init(title: String, startsOn: String, endsOn: String) {
        self.title = title
        self.startsOn = startsOn
        self.endsOn = endsOn
    }
}
