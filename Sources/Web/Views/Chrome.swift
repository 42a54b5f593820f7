import Domain

/// What every page's frame needs: who is signed in, what they may reach, the form token, a message.
struct Chrome: Sendable {
    /// An entry of the menu: its catalogue key, where it leads, and whether this page is in its section.
    struct NavItem: Sendable {
        var labelKey: String, url: SiteURL, isCurrent: Bool
    }

    var text: Localizer
    var userName: String?
    var nav: [NavItem], csrfToken: String
    /// A one-time message after a redirect ("Changes saved").
    var flash: String?
    var flashIsError = false
    /// Whether the header shows the search box (roles that read records).
    var canSearch = false
    /// For a reader not signed in: this page's address without `lang`, for the language switch.
    var switchPath: String?
}

extension Chrome {
    /// The frame for a user with a role (or for nobody), built from plain values: a request's frame and a
    /// test's are made the same way.
    init(text: Localizer, user: (name: String, role: Role)?, current: SiteURL?, csrfToken: String, flash: String?,
         switchPath: String? = nil) {
        self.init(text: text, userName: user?.name,
                  nav: user.map { Self.navigation(for: $0.role, current: current) } ?? [],
                  csrfToken: csrfToken, flash: flash, flashIsError: false,
                  canSearch: user?.role.can(.readRecords) ?? false, switchPath: user == nil ? switchPath : nil)
    }

    /// The menu a role reaches, with the current section marked.
    static func navigation(for role: Role, current: SiteURL?) -> [NavItem] {
        var entries: [(String, SiteURL)] = [("nav.home", .home)]
        if role.can(.readRecords) {
            entries += [
                ("nav.people", .list(.person)), ("nav.organizations", .list(.organization)), ("nav.places",
                        .list(.place)),
                ("nav.visits", .list(.visit)), ("nav.engagements", .list(.engagement)),
                ("nav.agreements", .list(.agreement)), ("nav.workingGroups", .list(.workingGroup)),
                ("nav.recommendations", .list(.recommendation)), ("nav.context", .list(.contextEvent)),
                ("nav.coordination", .list(.coordination)), ("nav.dashboard", .dashboard), ("nav.export", .export),
            ]
        }
        if role.can(.writeRecords) {
            entries += [("nav.followUps", .list(.followUp)), ("nav.import", .list(.importBatch))]
        }
        if role.can(.manageUsers) { entries.append(("nav.users", .list(.user))) }
        if role.can(.manageSettings) {
            entries += [("nav.communities", .list(.community)), ("nav.engagementKinds", .list(.engagementKind)),
                        ("nav.settings", .settings)]
        }
        if role.can(.viewAuditTrail) { entries.append(("nav.audit", .audit)) }
        entries.append(("nav.account", .account))
        return entries.map { NavItem(labelKey: $0.0, url: $0.1, isCurrent: $0.1 == current) }
    }
}
