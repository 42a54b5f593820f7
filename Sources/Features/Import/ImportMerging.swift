import Domain
import Foundation

/// When a row is decided to be a record already kept (or an earlier row), what it adds goes there:
/// its spelling of the name becomes another name, its lists are joined, and it fills what is empty.
/// Nothing already recorded is overwritten.
extension PersonInput {
    init(_ record: PersonRecord) {
        self.init(name: record.name)
        otherNames = record.otherNames
        honorific = record.honorific
        gender = record.gender
        communityID = record.community?.id
        placeID = record.place?.id
        languages = record.languages
        emails = record.emails
        phones = record.phones
        notes = record.notes
        sensitivity = record.sensitivity
        lawfulBasis = record.lawfulBasis
    }

    func absorbing(_ row: PersonInput) -> PersonInput {
        var merged = self
        merged.otherNames = MergedValues.names(name, otherNames, adding: [row.name] + row.otherNames)
        merged.honorific = honorific ?? row.honorific
        merged.gender = gender ?? row.gender
        merged.communityID = communityID ?? row.communityID
        merged.placeID = placeID ?? row.placeID
        merged.languages = MergedValues.union(languages, row.languages)
        merged.emails = MergedValues.union(emails, row.emails)
        merged.phones = MergedValues.union(phones, row.phones)
        merged.notes = MergedValues.notes(notes, row.notes)
        // Restricted wins: merging must never make a protected person visible to more people.
        if row.sensitivity == Sensitivity.restricted.rawValue { merged.sensitivity = row.sensitivity }
        return merged
    }
}

extension OrganizationInput {
    init(_ record: OrganizationRecord) {
        self.init(name: record.name)
        otherNames = record.otherNames
        kind = record.kind
        level = record.level
        parentID = record.parent?.id
        placeID = record.place?.id
        website = record.website
        notes = record.notes
    }

    func absorbing(_ row: OrganizationInput) -> OrganizationInput {
        var merged = self
        merged.otherNames = MergedValues.names(name, otherNames, adding: [row.name] + row.otherNames)
        if kind == OrganizationKind.other.rawValue { merged.kind = row.kind }
        merged.level = level ?? row.level
        merged.parentID = parentID ?? row.parentID
        merged.placeID = placeID ?? row.placeID
        merged.website = website ?? row.website
        merged.notes = MergedValues.notes(notes, row.notes)
        return merged
    }
}

/// How lists, names and notes combine in a merge (an import's and the duplicates page's alike).
enum MergedValues {
    /// Other names plus each added spelling worth keeping: not one already there but for capitals
    /// ("KRASNIQI"), and not one broken by a wrong encoding ("REDZ?EPI"), which no one will search for.
    static func names(_ name: String, _ otherNames: [String], adding: [String]) -> [String] {
        var result = otherNames
        for added in adding where !added.isEmpty && !DuplicateNames.Name(added).isBroken {
            let known = ([name] + result).contains { $0.lowercased() == added.lowercased() }
            if !known { result.append(added) }
        }
        return result
    }

    static func union(_ a: [String], _ b: [String]) -> [String] {
        var result = a
        for value in b where !result.contains(where: { $0.lowercased() == value.lowercased() }) { result.append(value) }
        return result
    }

    static func notes(_ a: String?, _ b: String?) -> String? {
        guard let b, !b.isEmpty else { return a }
        guard let a, !a.isEmpty else { return b }
        return a.contains(b) ? a : a + "\n\n" + b
    }
}
