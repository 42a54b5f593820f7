import Domain
import Features
import Markup

extension UsersIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("users.title"), new: (text("users.new"), .new(.user)), url: .list(.user),
                              hasFilters: false, isEmpty: model.users.isEmpty, emptyText: text("users.none"))
        return frame.page(chrome: chrome) {
            table(model, text: text).view(model.users, text: text)
        }
    }

    /// Name, email, role, whether they may sign in, and when they last did; a disabled user greyed.
    static func table(_ model: Model, text: Localizer) -> DataTable<UserSummary> {
        DataTable(label: text("users.title"), columns: [
            .init(label: text("field.name"), sorts: .init(ascending: "name", descending: "-name")) {
                H.link($0.name, to: .record(.user, $0.id))
            },
            .init(label: text("field.email")) { $0.email },
            .init(label: text("field.role")) { text($0.role.labelKey) },
            .init(label: text("field.status")) { text($0.isDisabled ? "users.disabled" : "users.active") },
            .init(label: text("users.lastSeen"), sorts: .init(ascending: "seen", descending: "-seen",
                                                              descendingFirst: true)) {
                $0.lastSignInAt.map(text.dateTime) ?? text("users.never")
            },
        ], sort: model.sort.isEmpty ? "name" : model.sort, sortedBy: { model.sorted($0 == "name" ? "" : $0) },
        rowClass: { $0.isDisabled ? "muted" : nil })
    }
}
