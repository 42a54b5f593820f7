import Domain
import Features

/// Starting or changing a working group; members are typed by name with their part and dates, a line each.
enum WorkingGroupFormPage {
    struct Values: FormVersion, RecordFormValues {
        var name = "", purpose = "", agreementID = "", confidentiality = Confidentiality.internal.rawValue, members = ""
        var version = ""

        init() {}

        init(_ group: WorkingGroupRecord) {
            name = group.summary.name
            purpose = group.purpose ?? ""
            agreementID = group.summary.agreement?.id.path ?? ""
            confidentiality = group.summary.confidentiality.rawValue
            members = group.members.map(Self.line).joined(separator: "\n")
            version = String(group.version)
        }

        /// "Bedri Hamza, chair, 2023-08-07" (an empty from when only the end is known).
        static func line(_ member: WorkingGroupMember) -> String {
            var parts = [member.person.name, member.part.rawValue]
            if let from = member.period.from {
                parts.append(from.description)
            } else if member.period.to != nil {
                parts.append("")
            }
            if let to = member.period.to { parts.append(to.description) }
            return parts.joined(separator: ", ")
        }
    }

    struct Model: RecordFormModel {
        var existing: WorkingGroupRecord? = nil, values = Values(), errors = Forms.Errors()
        var conflict: WorkingGroupRecord?
        var agreements: [RecordRef], canWriteRestricted: Bool
    }
}
