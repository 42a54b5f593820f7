import Domain
import Markup

/// The menu in the header: groups by what people do, each a disclosure (`<details>`) that opens without
/// scripts; on a phone the whole menu sits behind one "Menu" button (a checkbox and its label, so it too
/// works without scripts). The user's own menu holds My account and signing out.
enum SiteNavigation {
    static func view(_ chrome: Chrome) -> Component {
        let text = chrome.text
        return H.group([
            H.void("input", [("type", "checkbox"), ("id", "menu-toggle"), ("class", "menu-toggle"),
                             ("aria-controls", "site-nav")]),
            H.el("label", [("for", "menu-toggle"), ("class", "menu-button")]) { Text(text("nav.menu")) },
            H.el("nav", [("id", "site-nav"), ("aria-label", text("nav.main"))]) {
                H.el("ul", [("class", "nav-groups")]) {
                    for group in chrome.nav { entry(group, text: text) }
                    account(chrome)
                }
            },
        ])
    }

    private static func entry(_ group: Chrome.NavGroup, text: Localizer) -> Component {
        if group.items.count == 1, let item = group.items.first {
            return H.el("li") { link(item, text: text) }
        }
        return H.el("li", [("class", group.isCurrent ? "group current" : "group")]) {
            H.el("details") {
                H.el("summary") { Text(text(group.labelKey)) }
                H.el("ul") { for item in group.items { H.el("li") { link(item, text: text) } } }
            }
        }
    }

    private static func link(_ item: Chrome.NavItem, text: Localizer) -> Component {
        H.el("a", [("href", item.url.path), ("aria-current", item.isCurrent ? "page" : nil)]) { Text(text(item.labelKey)) }
    }

    private static func account(_ chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("li", [("class", chrome.isAccount ? "group account current" : "group account")]) {
            H.el("details") {
                H.el("summary") { Text(chrome.userName ?? text("nav.account")) }
                H.el("ul") {
                    H.el("li") { link(.init(labelKey: "nav.account", url: .account, isCurrent: chrome.isAccount), text: text) }
                    H.el("li") {
                        // The offline script clears the device before signing out, and warns of captures not yet sent.
                        H.el("form", [("method", "post"), ("action", SiteURL.signOut.path), ("class", "inline"),
                                      ("data-sign-out", "")] + CaptureViews.plurals("offline.forgetWarning", text: text)) {
                            Forms.csrf(chrome.csrfToken)
                            H.el("button", [("type", "submit"), ("class", "link")]) { Text(text("nav.signOut")) }
                        }
                    }
                }
            }
        }
    }
}
