import Domain

/// What every page's frame needs: who is signed in, what they may reach, the form token, a message.
struct Chrome: Sendable {
    struct NavItem: Sendable {
        var labelKey: String
        var url: SiteURL
        var isCurrent: Bool
    }

    var text: Localizer
    var userName: String?
    var nav: [NavItem]
    var csrfToken: String
    /// A one-time message after a redirect ("Changes saved").
    var flash: String?
    var flashIsError = false
    /// Whether the header shows the search box (roles that read records).
    var canSearch = false
}
