import Domain
import Markup

/// The languages by their own names, each a plain link that switches the page (no script needed); for
/// readers not signed in — a signed-in user chooses on My account.
enum LanguageSwitch {
    /// - Parameter path: the page's address without its `lang`, to come back to in the other language.
    static func view(path: String, current: Language, text: Localizer) -> Component {
        let separator = path.contains("?") ? "&" : "?"
        return H.el("nav", [("class", "language-switch"), ("aria-label", text("language.switch"))]) {
            H.el("ul") {
                for language in Language.allCases {
                    H.el("li") {
                        H.el("a", [("href", path + separator + "lang=" + language.tag), ("lang", language.tag),
                                   ("hreflang", language.tag), ("aria-current", language == current ? "true" : nil)]) {
                            Text(language.nativeName)
                        }
                    }
                }
            }
        }
    }
}
