import Domain
import Features
import Markup

/// The choices of a select: an enum's cases by their catalogue labels, records by name, confidentiality.
extension Forms {
    typealias Options = [(value: String, label: String)]

    /// Choices for a select, with an empty first option when `empty` is given.
    static func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, prefix: String, text: Localizer,
                                                            empty: String? = nil) -> Options
    where T.RawValue == String {
        (empty.map { [("", $0)] } ?? []) + T.allCases.map { ($0.rawValue, text("\(prefix).\($0.rawValue)")) }
    }

    static func refOptions(_ refs: [RecordRef], empty: String) -> Options {
        [("", empty)] + refs.map { ($0.id.uuidString.lowercased(), $0.name) }
    }

    /// Restricted is offered to those who may write it, and kept for a record that already is.
    static func confidentiality(selected: String, canWriteRestricted: Bool, label: String, error: String?,
                                text: Localizer) -> Component {
        let choices = Confidentiality.allCases.filter {
            $0 != .restricted || canWriteRestricted || selected == $0.rawValue
        }
        return select(label: label, name: "confidentiality",
                      options: choices.map { ($0.rawValue, text("confidentiality.\($0.rawValue)")) },
                      selected: selected, error: error)
    }
}
