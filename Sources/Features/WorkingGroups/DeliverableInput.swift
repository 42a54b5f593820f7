import Domain
import Foundation

public struct DeliverableInput: Sendable, Equatable {
    public var title: String
    public var kind: String
    public var dueOn: String?
    public var status: String = DeliverableStatus.planned.rawValue

    public init(title: String, kind: String, dueOn: String? = nil) {
        self.title = title
        self.kind = kind
        self.dueOn = dueOn
    }
}
