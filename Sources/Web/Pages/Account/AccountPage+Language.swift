import Domain
import Features
import Markup

extension AccountPage {
    /// The language Roundtable speaks to this user, each language named in itself.
    static func language(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.view(id: "language-heading", title: text("account.language")) {
            H.el("form", [("method", "post"), ("action", SiteURL.accountLanguage.path)]) {
                Forms.csrf(chrome.csrfToken)
                Forms.select(label: text("account.language.label"), name: "language",
                             options: [("", text("account.language.browser"))]
                                + Language.allCases.map { ($0.rawValue, $0.nativeName) },
                             selected: model.user.language?.rawValue ?? "", error: model.errors["language"],
                             help: text("account.language.help"))
                Forms.submit(text("account.language.save"), "secondary")
            }
        }
    }
}
