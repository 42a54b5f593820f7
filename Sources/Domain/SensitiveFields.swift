/// The personal fields of a person's record an administrator may mark as sensitive. A reader without
/// `readSensitiveFields` (a viewer) never sees a sensitive field's value on any person, nor anything that
/// would tell it — a filter or a sort by it, a search match in it, a change to it in the history. Figures
/// that count people by community stay: they are counts, not a person's field.
///
/// Names are never sensitive: they are what a record is. Community (ethnicity) is special-category data
/// (GDPR art. 9), contacts and notes are what a stolen account would be used for — hence the defaults.
public enum PersonalField: String, CaseIterable, Codable, Sendable {
    case community
    case gender
    case place
    case languages
    /// Email addresses and telephone numbers.
    case contacts
    case notes

    public var labelKey: String { "sensitiveField.\(rawValue)" }
}

/// Which personal fields are sensitive on this site.
public struct SensitiveFields: Sendable, Equatable {
    public var fields: Set<PersonalField>

    public init(_ fields: Set<PersonalField>) { self.fields = fields }

    public static let defaults = SensitiveFields([.community, .contacts, .notes])
    public static let none = SensitiveFields([])

    public func contains(_ field: PersonalField) -> Bool { fields.contains(field) }

    /// As stored in the settings table: the fields' names in a fixed order, comma-separated ("" for none).
    public var stored: String { PersonalField.allCases.filter(fields.contains).map(\.rawValue).joined(separator: ",") }

    /// Reads the stored form; a name no longer known is skipped (a field that stopped existing hides nothing).
    public init(stored: String) {
        self.fields = Set(stored.split(separator: ",").compactMap { PersonalField(rawValue: String($0)) })
    }
}
