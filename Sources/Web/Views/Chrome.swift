import Domain

/// What every page's frame needs: who is signed in, what they may reach, the form token, a message.
struct Chrome: Sendable {
    /// An entry of the menu: its catalogue key, where it leads, and whether this page is in its section.
    struct NavItem: Sendable {
        var labelKey: String, url: SiteURL, isCurrent: Bool
    }

    /// A group of the menu; a group of one is a plain link.
    struct NavGroup: Sendable {
        var labelKey: String, items: [NavItem]
        var isCurrent: Bool { items.contains(where: \.isCurrent) }
    }

    var text: Localizer
    var userName: String?
    var nav: [NavGroup], csrfToken: String
    /// A one-time message after a redirect ("Changes saved").
    var flash: String?
    var flashIsError = false
    /// Whether the header shows the search box (roles that read records).
    var canSearch = false
    /// For a reader not signed in: this page's address without `lang`, for the language switch.
    var switchPath: String?
    /// "Log an engagement", one tap away on every page, for roles that write.
    var canLogEngagement = false
    /// Whether this page is My account (marked in the user's menu).
    var isAccount = false
}

extension Chrome {
    /// The frame for a user with a role (or for nobody), built from plain values: a request's frame and a
    /// test's are made the same way.
    init(text: Localizer, user: (name: String, role: Role)?, current: SiteURL?, csrfToken: String, flash: String?,
         switchPath: String? = nil) {
        self.init(text: text, userName: user?.name,
                  nav: user.map { Self.navigation(for: $0.role, current: current) } ?? [],
                  csrfToken: csrfToken, flash: flash, flashIsError: false,
                  canSearch: user?.role.can(.readRecords) ?? false, switchPath: user == nil ? switchPath : nil,
                  canLogEngagement: user?.role.can(.writeRecords) ?? false, isAccount: current == .account)
    }

    /// The menu a role reaches, grouped by what people do, with the current section marked: the record,
    /// the work, outcomes, context, reports, administration — never more than eight entries at the top.
    static func navigation(for role: Role, current: SiteURL?) -> [NavGroup] {
        func group(_ key: String, _ entries: [(String, SiteURL, Bool)]) -> NavGroup {
            NavGroup(labelKey: key, items: entries.filter(\.2).map { NavItem(labelKey: $0.0, url: $0.1, isCurrent: $0.1 == current) })
        }
        let reads = role.can(.readRecords), writes = role.can(.writeRecords)
        let settings = role.can(.manageSettings)
        return [
            group("nav.home", [("nav.home", .home, true)]),
            group("nav.group.record", [("nav.people", .list(.person), reads), ("nav.organizations", .list(.organization), reads),
                                       ("nav.places", .list(.place), reads)]),
            group("nav.group.work", [("nav.visits", .list(.visit), reads), ("nav.engagements", .list(.engagement), reads),
                                     ("nav.followUps", .list(.followUp), writes)]),
            group("nav.group.outcomes", [("nav.agreements", .list(.agreement), reads),
                                         ("nav.workingGroups", .list(.workingGroup), reads),
                                         ("nav.recommendations", .list(.recommendation), reads)]),
            group("nav.group.context", [("nav.context", .list(.contextEvent), reads),
                                        ("nav.coordination", .list(.coordination), reads)]),
            group("nav.group.reports", [("nav.dashboard", .dashboard, reads), ("nav.periodReport", .periodReport, reads),
                                        ("nav.stakeholders", .stakeholders, reads)]),
            group("nav.group.admin", [("nav.users", .list(.user), role.can(.manageUsers)),
                                      ("nav.communities", .list(.community), settings),
                                      ("nav.engagementKinds", .list(.engagementKind), settings), ("nav.settings", .settings, settings),
                                      ("nav.audit", .audit, role.can(.viewAuditTrail)), ("nav.import", .list(.importBatch), writes),
                                      ("nav.export", .export, reads)]),
        ].filter { !$0.items.isEmpty }
    }
}
