import Markup

/// The frame around every page: header with navigation, main content, footer. Composition, not
/// inheritance: pages hand their content in.
enum Layout {
    /// - Parameter refreshSeconds: reload the page this often (a progress page that works without scripts).
    static func page(title: String, chrome: Chrome, refreshSeconds: Int? = nil,
                     @ComponentBuilder content: () -> Component) -> String {
        let text = chrome.text
        var html = "<!DOCTYPE html>"
        html.reserveCapacity(16_384)
        H.el("html", [("lang", text.tag)]) {
            H.el("head") {
                H.void("meta", [("charset", "utf-8")])
                H.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                if let refreshSeconds {
                    H.void("meta", [("http-equiv", "refresh"), ("content", String(refreshSeconds))])
                }
                H.text("title", [], "\(title) · \(text("app.name"))")
                H.void("link", [("rel", "stylesheet"), ("href", SiteURL.stylesheet.path), ("type", "text/css")])
                H.el("script", [("src", SiteURL.script.path), ("defer", "")]) { EmptyComponent() }
                H.el("script", [("src", SiteURL.offlineScript.path), ("defer", "")]) { EmptyComponent() }
            }
            H.el("body") {
                H.el("a", [("class", "skip"), ("href", "#main")]) { Text(text("nav.skip")) }
                header(chrome)
                H.el("main", [("id", "main")]) {
                    if let flash = chrome.flash {
                        let kind = chrome.flashIsError ? "flash flash-error" : "flash"
                        H.el("p", [("class", kind), ("role", "status")]) { Text(flash) }
                    }
                    content()
                }
                H.el("footer", [("class", "site")]) { Paragraph(text("app.tagline")) }
            }
        }.write(to: &html)
        return html
    }

    /// A page whose heading is its title.
    static func titled(_ title: String, chrome: Chrome, refreshSeconds: Int? = nil,
                       @ComponentBuilder content: () -> Component) -> String {
        page(title: title, chrome: chrome, refreshSeconds: refreshSeconds) {
            H.el("h1") { Text(title) }
            content()
        }
    }

    /// A short page in a narrow column: sign-in, setup, a confirmation.
    static func narrow(title: String, chrome: Chrome, @ComponentBuilder content: () -> Component) -> String {
        page(title: title, chrome: chrome) {
            H.el("div", [("class", "narrow")]) {
                H.el("h1") { Text(title) }
                content()
            }
        }
    }

    private static func header(_ chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("header", [("class", "site")]) {
            H.el("a", [("class", "brand"), ("href", SiteURL.home.path)]) { Text(text("app.name")) }
            if let path = chrome.switchPath { LanguageSwitch.view(path: path, current: text.language, text: text) }
            if chrome.canSearch {
                // One box for everything; a plain GET form, so it works without scripts.
                H.el("form", [("method", "get"), ("action", SiteURL.search.path), ("role", "search"),
                              ("class", "site-search")]) {
                    H.el("label", [("for", "site-search-q"), ("class", "visually-hidden")]) {
                        Text(text("search.label"))
                    }
                    H.void("input", [("type", "search"), ("id", "site-search-q"), ("name", "q"),
                                     ("placeholder", text("search.placeholder"))])
                    H.el("button", [("type", "submit")]) { Text(text("search.submit")) }
                }
            }
            if chrome.canLogEngagement {
                H.el("a", [("class", "button log-engagement"), ("href", SiteURL.new(.engagement).path)]) {
                    Text(text("engagements.new"))
                }
                CaptureViews.badge(text: text)
            }
            if chrome.userName != nil { SiteNavigation.view(chrome) }
        }
    }
}
