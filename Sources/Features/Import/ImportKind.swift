import Domain
import Foundation

/// What a spreadsheet can bring in, and the fields of each kind that its columns can fill.
public enum ImportKind: String, CaseIterable, Sendable, Codable {
    case people, organizations, positions, engagements

    public var fields: [ImportField] {
        switch self {
        case .people:
            return [
                .init("name", required: true, ["full name", "person", "emri", "emri dhe mbiemri", "ime", "ime i prezime", "ime prezime"]),
                .init("otherNames", ["other names", "other spellings", "also known as", "aka"]),
                .init("honorific", ["salutation", "titulli", "titula"]),
                .init("gender", ["sex", "gjinia", "pol"]),
                .init("community", ["ethnicity", "komuniteti", "zajednica"]),
                .init("place", ["municipality", "town", "city", "village", "komuna", "opstina", "vendi", "mesto", "location"]),
                .init("languages", ["language", "gjuha", "gjuhet", "jezik", "jezici"]),
                .init("emails", ["email", "e mail", "email address", "emaili", "adresa e postes"]),
                .init("phones", ["phone", "telephone", "mobile", "tel", "telefoni", "telefon", "mob"]),
                .init("notes", ["note", "comments", "comment", "shenime", "beleske", "napomena"]),
                .init("sensitivity", ["restricted"]),
            ]
        case .organizations:
            return [
                .init("name", required: true, ["organization", "organisation", "institution", "emri", "naziv"]),
                .init("otherNames", ["other names", "acronym", "short name", "abbreviation", "akronimi"]),
                .init("kind", ["type", "lloji", "tip", "vrsta"]),
                .init("level", ["governance level", "niveli", "nivo"]),
                .init("parent", ["part of", "parent organization", "parent organisation"]),
                .init("place", ["municipality", "town", "city", "komuna", "opstina", "location"]),
                .init("website", ["web", "url", "web site"]),
                .init("notes", ["note", "comments", "shenime", "beleske"]),
            ]
        case .positions:
            return [
                .init("person", required: true, ["name", "full name", "emri", "ime"]),
                .init("organization", required: true, ["organisation", "institution", "org", "institucioni", "institucija"]),
                .init("title", required: true, ["position", "role", "job title", "post", "pozita", "funkcija"]),
                .init("startsOn", ["from", "start", "starts", "since", "prej", "od"]),
                .init("endsOn", ["to", "until", "end", "ends", "deri", "do"]),
            ]
        case .engagements:
            return [
                .init("title", required: true, ["subject", "meeting", "titulli", "naslov"]),
                .init("kind", required: true, ["type", "lloji", "vrsta"]),
                .init("date", required: true, ["day", "data", "datum", "starts on"]),
                .init("time", ["start time", "starts at", "ora", "vreme"]),
                .init("durationMinutes", ["duration", "minutes", "kohezgjatja", "trajanje"]),
                .init("timeZone", ["time zone", "zone"]),
                .init("place", ["municipality", "town", "city", "komuna", "opstina"]),
                .init("venue", ["location", "where", "vendi", "mesto"]),
                .init("participants", ["people", "attendees", "pjesemarresit", "ucesnici"]),
                .init("organizations", ["organisations", "partners", "institutions"]),
                .init("topics", ["topic", "tema", "teme"]),
                .init("summary", ["description", "pershkrimi", "opis"]),
                .init("outcomes", ["outcome", "results", "rezultatet", "rezultati"]),
                .init("decisions", ["decided", "vendimet", "odluke"]),
                .init("confidentiality", ["sensitivity", "restricted"]),
            ]
        }
    }

    /// The kinds in the order they are best imported: engagements and positions name people and
    /// organisations that must already be in the record.
    public static let order: [ImportKind] = [.organizations, .people, .positions, .engagements]
}

/// A field a column can fill.
public struct ImportField: Sendable, Equatable {
    /// The field's name in the API and the CLI's `--map` (`name`, `emails` …); labels come from the catalogue.
    public var key: String
    public var required: Bool
    /// Other headings that mean this field (folded), in English, Albanian and Serbian.
    public var headings: [String]

    init(_ key: String, required: Bool = false, _ headings: [String]) {
        self.key = key
        self.required = required
        self.headings = headings
    }
}

/// Which field each column of the file fills (nil: the column is not imported).
public struct ImportMapping: Sendable, Codable, Equatable {
    public var fields: [String?]

    public init(fields: [String?]) { self.fields = fields }

    /// The field a column fills, if any (nil also for a column the mapping does not reach).
    public func field(at column: Int) -> String? { fields.indices.contains(column) ? fields[column] : nil }

    /// The column for a field, if one is mapped to it.
    public func column(of field: String) -> Int? { fields.firstIndex { $0 == field } }

    /// A first guess from the header: a heading that names a field (in any case, spelling or script)
    /// fills it; each field from one column at most.
    public static func guess(header: [String], kind: ImportKind) -> ImportMapping {
        var taken = Set<String>()
        var fields: [String?] = []
        for heading in header {
            let folded = NameFolding.fold(heading)
            let field = kind.fields.first { field in
                !taken.contains(field.key) && (NameFolding.fold(field.key.spacedCamelCase) == folded || field.headings.contains(folded))
            }
            if let field { taken.insert(field.key) }
            fields.append(field?.key)
        }
        return ImportMapping(fields: fields)
    }

    /// Problems with the mapping itself: a field mapped twice, a required field not mapped, an unknown field.
    public func problems(kind: ImportKind) -> [FieldIssue] {
        var issues: [FieldIssue] = []
        let known = Set(kind.fields.map(\.key))
        var seen = Set<String>()
        for (index, field) in fields.enumerated() {
            guard let field else { continue }
            if !known.contains(field) { issues.append(FieldIssue(field: "column\(index)", "import.fieldUnknown", field)) }
            if !seen.insert(field).inserted { issues.append(FieldIssue(field: "column\(index)", "import.fieldTwice", field)) }
        }
        for field in kind.fields where field.required && !fields.contains(field.key) {
            issues.append(FieldIssue(field: "mapping", "import.fieldMissing", "@import.field.\(field.key)"))
        }
        return issues
    }
}

extension String {
    /// `otherNames` → `other Names`, so that a heading "Other names" finds it.
    var spacedCamelCase: String {
        var out = ""
        for character in self {
            if character.isUppercase { out.append(" ") }
            out.append(character)
        }
        return out
    }
}
