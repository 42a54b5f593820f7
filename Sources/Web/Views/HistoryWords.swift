import Domain

/// The words of the audit trail in the reader's language: what kind of record, which field, and values
/// that are choices (statuses, roles, yes/no …) as the forms name them. Free text and names stay as typed.
enum HistoryWords {
    static func recordType(_ type: String, text: Localizer) -> String {
        let key = "history.recordType.\(type)"
        return text.has(key) ? text(key) : type
    }

    static func field(_ field: String, text: Localizer) -> String {
        // A place's name in one language: "name.sq" → "Name (Shqip)".
        if field.hasPrefix("name."), let language = Language(tag: String(field.dropFirst(5))) {
            return text("history.field.nameIn", language.nativeName)
        }
        let key = "history.field.\(field)"
        return text.has(key) ? text(key) : field
    }

    /// The catalogue's prefix for the choices a field of a record type holds.
    static func choices(recordType: String, field: String) -> String? {
        switch (recordType, field) {
        case (_, "gender"): return "gender"
        case (_, "sensitivity"): return "sensitivity"
        case (_, "confidentiality"): return "confidentiality"
        case (_, "lawfulBasis"): return "basis"
        case (_, "level"): return "level"
        case (_, "severity"): return "severity"
        case (_, "role"): return "role"
        case (_, "aggregateOnly"), ("settings", "requireTwoFactor"): return "answer"
        case (_, let consent) where consent.hasPrefix("consent."): return "answer"
        case ("place", "kind"): return "placeKind"
        case ("organization", "kind"): return "kind"
        case ("engagement", "kind"): return "engagementKind"
        case ("context_event", "kind"): return "contextKind"
        case ("agreement", "kind"): return "agreementKind"
        case ("agreement", "status"): return "agreementStatus"
        case ("community", "status"): return "communityStatus"
        case ("recommendation", "status"): return "recommendationStatus"
        case ("field_visit", "status"): return "visitStatus"
        case ("follow_up", "status"): return "followUpStatus"
        case ("user", "status"): return "users"
        default: return nil
        }
    }

    /// A value as the reader's forms name it, when it is one of a field's choices.
    static func value(_ value: String, recordType: String, field: String, text: Localizer) -> String {
        if field == "language" || field == "defaultLanguage", let language = Language(rawValue: value) {
            return language.nativeName
        }
        if field == "headCountBreakdowns" { return HeadCountHistory.words(value, text: text) }
        if field == "sensitiveFields" {
            return SensitiveFields(stored: value).fields.isEmpty ? value
                : PersonalField.allCases.filter(SensitiveFields(stored: value).contains).map { text($0.labelKey) }.joined(separator: ", ")
        }
        guard let prefix = choices(recordType: recordType, field: field) else { return value }
        let key = "\(prefix).\(value)"
        return text.has(key) ? text(key) : value
    }
}
