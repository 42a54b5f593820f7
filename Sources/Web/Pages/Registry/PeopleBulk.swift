import Domain
import Features

/// One change to the people chosen in the list: what it is, and the values it needs.
enum PeopleBulk {
    /// The form's `action`: the change, or an export of the selection.
    enum Action: String, CaseIterable, Sendable {
        case community, place, sensitivity, visit, export, delete

        /// What a reader who may not write can still do with a selection.
        static let forReaders: [Action] = [.export]
    }

    /// The form as filled in, and what it offers.
    struct Values: Sendable {
        var action = ""
        var community = "", place = "", sensitivity = "", visit = ""
        /// The list's query, to go back to it as it was.
        var back = ""
    }

    struct Choices: Sendable {
        var communities: [RecordRef] = [], places: [RecordRef] = [], visits: [RecordRef] = []
        var canWrite = false, canSeeRestricted = false

        var actions: [Action] {
            guard canWrite else { return Action.forReaders }
            return Action.allCases.filter { $0 != .sensitivity || canSeeRestricted }
        }
    }

    /// The page shown when the change needs a confirmation (deleting) or came back with a mistake: the
    /// people chosen, each still ticked, and the form with the mistake beside its field.
    struct PageModel: Sendable {
        var people: [RecordRef]
        var values: Values
        var choices: Choices
        var errors = Forms.Errors()
        var confirmingDelete = false
    }
}
