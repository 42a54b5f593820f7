import Domain
import Markup

extension ErrorPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("error.title"), chrome: chrome) {
            H.el("h1") { Text(text(model.titleKey)) }
            if let detail = model.detail { Paragraph(detail) }
            for issue in model.issues { Paragraph(text.message(issue)) }
            Paragraph { H.link(text("error.back"), to: .home) }
        }
    }
}
