import Domain
import Foundation

public struct AssessmentInput: Sendable, Equatable {
    public var assessedOn: String?
    /// As typed ("4"); checked to lie on 1–5.
    public var influence: String?
    public var interest: String?
    public var stance: String?
    public var notes: String?

    public init(assessedOn: String? = nil, influence: String? = nil, interest: String? = nil, stance: String? = nil, notes: String? = nil) {
        self.assessedOn = assessedOn
        self.influence = influence
        self.interest = interest
        self.stance = stance
        self.notes = notes
    }
}
