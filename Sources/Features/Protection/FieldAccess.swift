import Domain
import FluentKit
import Foundation

/// The one rule for sensitive fields: which of a person's fields a reader may not see. Every read path asks
/// it — the person's page and API answer, the people list with its filters, sorts and counts, search and
/// its snippets, the record's history, the exports — so that a field hidden in one place is not shown in
/// another (a grouping or a filter that counts people by a hidden field tells it as surely as the page).
public struct FieldAccess: Sendable, Equatable {
    /// The fields this reader does not see.
    public let hidden: Set<PersonalField>

    public init(hidden: Set<PersonalField>) { self.hidden = hidden }

    public static let everything = FieldAccess(hidden: [])

    /// Readers with `readSensitiveFields` see every field; everyone else all but the sensitive ones.
    public static func of(_ actor: Actor, on database: any Database) async throws -> FieldAccess {
        if actor.can(.readSensitiveFields) { return .everything }
        return FieldAccess(hidden: try await SiteSettings(database: database).sensitiveFields().fields)
    }

    public func hides(_ field: PersonalField) -> Bool { hidden.contains(field) }

    /// The person as this reader may see them; `hiddenFields` names what was left out, so that a page says
    /// "not shown" rather than "not recorded".
    public func apply(to person: PersonRecord) -> PersonRecord {
        guard !hidden.isEmpty else { return person }
        var person = person
        for field in hidden {
            switch field {
            case .community: person.community = nil
            case .gender: person.gender = nil
            case .place: person.place = nil
            case .languages: person.languages = []
            case .contacts: person.emails = []; person.phones = []
            case .notes: person.notes = nil
            }
        }
        person.hiddenFields = PersonalField.allCases.filter(hidden.contains).map(\.rawValue)
        return person
    }

    public func apply(to row: PersonRow) -> PersonRow {
        var row = row
        if hides(.community) { row.community = nil }
        if hides(.place) { row.place = nil }
        return row
    }

    /// The positions of the hidden fields' columns in a people export's header (`emails` and `phones` for
    /// contacts).
    public func hiddenColumns(of header: [String]) -> Set<Int> {
        guard !hidden.isEmpty else { return [] }
        return Set(header.indices.filter { index in
            Self.personalField(ofAuditField: header[index]).map(hides) ?? false
        })
    }

    /// Filtering people by a hidden field would tell it (who is in the list, and how many): refused at the
    /// filter, as any other bad input is.
    public func requireFilters(community: UUID?, place: UUID?) throws(DomainError) {
        var issues: [FieldIssue] = []
        if community != nil, hides(.community) { issues.append(FieldIssue(field: "community", "sensitiveField.noFilter")) }
        if place != nil, hides(.place) { issues.append(FieldIssue(field: "place", "sensitiveField.noFilter")) }
        if !issues.isEmpty { throw .invalid(issues) }
    }

    /// A person's history as this reader may read it: a change to a hidden field shows that it happened,
    /// never its values (as a changed secret does).
    public func apply(toHistory entries: [AuditLog.Entry]) -> [AuditLog.Entry] {
        guard !hidden.isEmpty else { return entries }
        return entries.map { entry in
            var entry = entry
            entry.changes = entry.changes.map { change in
                guard let field = Self.personalField(ofAuditField: change.field), hides(field) else { return change }
                return FieldChange.secret(change.field)
            }
            return entry
        }
    }

    /// The personal field an audit entry's field name belongs to (`PersonModel.auditFields`).
    static func personalField(ofAuditField name: String) -> PersonalField? {
        switch name {
        case "community": return .community
        case "gender": return .gender
        case "place": return .place
        case "languages": return .languages
        case "emails", "phones": return .contacts
        case "notes": return .notes
        default: return nil
        }
    }
}
