/// What a signed-in user may do. Deny by default: a role holds exactly the permissions listed here.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    case admin
    case coordinator
    case officer
    case viewer

    public var permissions: Set<Permission> {
        switch self {
        case .admin:
            return Set(Permission.allCases)
        case .coordinator:
            return [.readRecords, .readSensitiveFields, .writeRecords, .readRestricted, .writeRestricted, .restoreRecords, .erasePeople, .publish, .useAPITokens]
        case .officer:
            return [.readRecords, .readSensitiveFields, .writeRecords, .useAPITokens]
        case .viewer:
            return [.readRecords, .useAPITokens]
        }
    }

    public func can(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// Whether a record of the given sensitivity is visible at all to this role.
    public func canSee(_ sensitivity: Sensitivity) -> Bool {
        switch sensitivity {
        case .normal: return can(.readRecords)
        case .restricted: return can(.readRestricted)
        }
    }

    private var rank: Int { Role.allCases.firstIndex(of: self)! }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank > rhs.rank }

    public var labelKey: String { "role.\(rawValue)" }
}

/// The capabilities routes and use cases ask for. Roles map onto these, never the other way round.
public enum Permission: String, CaseIterable, Codable, Sendable {
    case manageUsers
    case viewAuditTrail
    case manageSettings
    case readRecords
    /// See the personal fields an administrator marked as sensitive (`SensitiveFields`).
    case readSensitiveFields
    case writeRecords
    case readRestricted
    case writeRestricted
    /// See soft-deleted records and bring them back.
    case restoreRecords
    /// Erase a person for good (the right to erasure): their identity goes, the figures stay.
    case erasePeople
    case publish
    case useAPITokens
}

/// How widely a record may be seen. Restricted records are invisible (not merely forbidden) to roles
/// without `readRestricted`.
public enum Sensitivity: String, CaseIterable, Codable, Sendable {
    case normal
    case restricted
}
