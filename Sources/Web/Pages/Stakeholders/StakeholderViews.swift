import Domain
import Features

/// Words for how a stakeholder moved between two assessments.
enum StakeholderViews {
    /// "influence +1, interest −1, towards support" (or "no change").
    static func movement(_ movement: StakeholderMovement, text: Localizer) -> String {
        if movement.isStill { return text("assessments.still") }
        func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : value < 0 ? "−\(-value)" : "" }
        var parts: [String] = []
        if movement.influence != 0 { parts.append(text("assessments.influence.short", signed(movement.influence))) }
        if movement.interest != 0 { parts.append(text("assessments.interest.short", signed(movement.interest))) }
        if movement.stance != 0 {
            parts.append(text(movement.stance > 0 ? "assessments.towardsSupport" : "assessments.towardsOpposition",
                              String(abs(movement.stance))))
        }
        return parts.joined(separator: ", ")
    }
}
