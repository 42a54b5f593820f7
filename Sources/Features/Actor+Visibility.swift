import Domain

extension Actor {
    /// Restricted records are invisible, not just forbidden, to roles that may not read them.
    public func canSee(_ sensitivity: Sensitivity) -> Bool {
        switch sensitivity {
        case .normal: return can(.readRecords)
        case .restricted: return can(.readRestricted)
        }
    }

    /// Restricted engagements follow the same rule as restricted people.
    public func canSee(confidentiality: Confidentiality) -> Bool {
        switch confidentiality {
        case .public, .internal: return can(.readRecords)
        case .restricted: return can(.readRestricted)
        }
    }
}
