import Plot

/// The frame around every page: header with navigation, main content, footer. Composition, not
/// inheritance: pages hand their content in.
enum Layout {
    static func page(title: String, chrome: Chrome, @ComponentBuilder content: @escaping () -> Component) -> String {
        let text = chrome.text
        let document = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                // Plot's `.title` adds social-media meta tags; an internal tool needs only the title.
                .element(named: "title", text: "\(title) · \(text("app.name"))"),
                .stylesheet(SiteURL.stylesheet.path)
            ),
            .body(
                .component(H.el("a", [("class", "skip"), ("href", "#main")]) { Text(text("nav.skip")) }),
                .component(header(chrome)),
                .component(H.el("main", [("id", "main")]) {
                    if let flash = chrome.flash {
                        H.el("p", [("class", chrome.flashIsError ? "flash flash-error" : "flash"), ("role", "status")]) { Text(flash) }
                    }
                    content()
                }),
                .component(H.el("footer", [("class", "site")]) { Paragraph(text("app.tagline")) })
            )
        )
        return "<!DOCTYPE html>" + document.render().dropFirst("<!DOCTYPE html>".count)
    }

    private static func header(_ chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("header", [("class", "site")]) {
            H.el("a", [("class", "brand"), ("href", SiteURL.home.path)]) { Text(text("app.name")) }
            if chrome.userName != nil {
                H.el("nav", [("aria-label", text("nav.main"))]) {
                    H.el("ul") {
                        for item in chrome.nav {
                            H.el("li") {
                                H.el("a", [("href", item.url.path), ("aria-current", item.isCurrent ? "page" : nil)]) {
                                    Text(text(item.labelKey))
                                }
                            }
                        }
                        H.el("li") {
                            H.el("form", [("method", "post"), ("action", SiteURL.signOut.path), ("class", "inline")]) {
                                Forms.csrf(chrome.csrfToken)
                                H.el("button", [("type", "submit"), ("class", "link")]) { Text(text("nav.signOut")) }
                            }
                        }
                    }
                }
            }
        }
    }
}
