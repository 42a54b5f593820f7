import Domain
import Foundation

public struct FollowUpInput: Sendable, Equatable {
    public var text: String
    public var ownerID: UUID?
    public var dueOn: String?
    public var status: String = FollowUpStatus.open.rawValue

    public init(text: String, ownerID: UUID? = nil, dueOn: String? = nil, status: String = FollowUpStatus.open.rawValue) {
        self.text = text
        self.ownerID = ownerID
        self.dueOn = dueOn
        self.status = status
    }

    struct Valid {
        var text: String
        var ownerID: UUID?
        var dueOn: Day?
        var status: FollowUpStatus
    }

    /// `field` names the whole follow-up (a line of the engagement form); a follow-up added on its own
    /// names each part, so a bad date is reported at the date.
    func validated(into v: inout Validator, field: String, separateFields: Bool = false) -> Valid? {
        let text = v.text(text, field, required: true, max: 2_000)
        let due = v.day(dueOn, separateFields ? "dueOn" : field)
        let status = FollowUpStatus(rawValue: status)
        v.check(status != nil, separateFields ? "status" : field, "field.notAChoice")
        guard let text, let status else { return nil }
        return Valid(text: text, ownerID: ownerID, dueOn: due, status: status)
    }
}
