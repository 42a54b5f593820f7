import Features
import Foundation

/// Everyone who can sign in, for administrators: a short list, sorted here by name or by the last sign-in.
enum UsersIndexPage {
    static let orders = ["name", "seen"]

    struct Model: Sendable {
        var users: [UserSummary]
        /// The order as chosen (`-seen`), or empty for names A to Z.
        var sort: String

        init(users: [UserSummary], sort: String) {
            let order = ListOrder(sort, columns: UsersIndexPage.orders)
            self.sort = order?.text ?? ""
            self.users = users.sorted { a, b in
                switch order?.column {
                case "seen":
                    // Those who never signed in come last either way.
                    let (x, y) = (a.lastSignInAt ?? .distantPast, b.lastSignInAt ?? .distantPast)
                    if x != y { return order?.descending == true ? x > y : x < y }
                default:
                    let compared = a.name.localizedStandardCompare(b.name)
                    if compared != .orderedSame { return order?.descending == true ? compared == .orderedDescending : compared == .orderedAscending }
                }
                return a.id.uuidString < b.id.uuidString
            }
        }

        func sorted(_ sort: String) -> String {
            SiteURL.list(.user).path + (sort.isEmpty ? "" : "?" + QueryString.encode([("sort", sort)]))
        }
    }
}
