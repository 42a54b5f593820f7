/// One field of a record changing from one value to another, as the audit trail keeps it.
/// `nil` means "no value" (the field was empty, or the record did not exist yet).
public struct FieldChange: Equatable, Sendable, Codable {
    public var field: String
    public var from: String?
    public var to: String?

    public init(field: String, from: String?, to: String?) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// The changes between two snapshots of a record's fields, in the order of `after`'s keys as given. An
    /// empty text is no value: a list with nothing in it, written as "", is no change from nothing (else a new
    /// engagement's history said its topics went from "(empty)" to a blank).
    public static func between(_ before: [(String, String?)], _ after: [(String, String?)]) -> [FieldChange] {
        func value(_ text: String?) -> String? { text?.isEmpty == true ? nil : text }
        let old = Dictionary(before.map { ($0.0, value($0.1)) }, uniquingKeysWith: { $1 })
        var changes: [FieldChange] = []
        for (field, new) in after.map({ ($0.0, value($0.1)) }) where old[field] ?? nil != new {
            changes.append(FieldChange(field: field, from: old[field] ?? nil, to: new))
        }
        return changes
    }

    /// A secret that changed: the trail says that it changed, never what it was or became.
    public static func secret(_ field: String) -> FieldChange {
        FieldChange(field: field, from: "•••", to: "•••")
    }
}

/// What happened, in the audit trail's words.
public enum AuditAction: String, CaseIterable, Codable, Sendable {
    case create
    case update
    case delete
    case restore
    case signIn = "sign_in"
    case signInFailed = "sign_in_failed"
    case signInRefused = "sign_in_refused"
    case signOut = "sign_out"
    case tokenCreate = "token_create"
    case tokenRevoke = "token_revoke"
    case calendarFeedCreate = "calendar_feed_create"
    case calendarFeedRevoke = "calendar_feed_revoke"
    case userDisable = "user_disable"
    case userEnable = "user_enable"
    case passwordChange = "password_change"
    /// A person erased: the entry names the record by identifier only.
    case erase
    /// Everything held on a person was produced for them (a subject-access request).
    case subjectAccess = "subject_access"
    case twoFactorOn = "two_factor_on"
    case twoFactorOff = "two_factor_off"
    case twoFactorReset = "two_factor_reset"
    case recoveryCodeUsed = "recovery_code_used"
    /// A person past the retention period was kept, with a reason, for one more period.
    case retentionKeep = "retention_keep"
}
