import Domain
import Testing
@testable import Web

@Suite("The menu: grouped by what people do, at most eight entries at the top, the current place marked")
struct NavigationTests {
    @Test(arguments: Role.allCases) func noRoleSeesMoreThanEightEntriesAtTheTop(role: Role) {
        let groups = Chrome.navigation(for: role, current: nil)
        // The groups, and the user's own menu (My account, sign out).
        #expect(groups.count + 1 <= 8, "\(role): \(groups.map(\.labelKey))")
        let urls = groups.flatMap(\.items).map(\.url.path)
        #expect(Set(urls).count == urls.count, "an entry twice")
    }

    @Test func theAdministratorReachesEveryPartAndTheCurrentGroupIsMarked() {
        let groups = Chrome.navigation(for: .admin, current: .list(.person))
        let urls = Set(groups.flatMap(\.items).map(\.url.path))
        for url: SiteURL in [.list(.person), .list(.organization), .list(.place), .list(.visit), .list(.engagement),
                             .list(.followUp), .list(.agreement), .list(.workingGroup), .list(.recommendation),
                             .list(.contextEvent), .list(.coordination), .dashboard, .periodReport, .stakeholders,
                             .list(.user), .list(.community), .list(.engagementKind), .settings, .audit,
                             .list(.importBatch), .export] {
            #expect(urls.contains(url.path), "\(url.path) is not in the menu")
        }
        #expect(groups.filter(\.isCurrent).map(\.labelKey) == ["nav.group.record"])
    }

    @Test func aViewerSeesNoAdministrationAndNoFollowUps() {
        let groups = Chrome.navigation(for: .viewer, current: nil)
        let urls = groups.flatMap(\.items).map(\.url)
        #expect(!urls.contains(.list(.followUp)) && !urls.contains(.list(.user)) && !urls.contains(.audit))
        #expect(urls.contains(.export))
    }
}
