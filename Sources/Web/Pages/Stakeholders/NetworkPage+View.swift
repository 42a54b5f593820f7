import Domain
import Features
import Markup

extension NetworkPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let name = model.name
        return Layout.page(title: text("network.title", name), chrome: chrome) {
            Breadcrumb.view([(name, .record(model.resource, model.centre))])
            H.el("h1") { Text(text("network.title", name)) }
            Paragraph(text("network.intro"))
            H.el("form", [("method", "get"), ("action", SiteURL.record(model.resource, model.centre, .network).path),
                          ("class", "filters no-print")]) {
                Forms.select(label: text("network.steps"), name: "steps",
                             options: [("1", text("network.steps.1")), ("2", text("network.steps.2"))],
                             selected: String(model.steps))
                Forms.submit(text("period.show"), "secondary")
            }
            if model.network.edges.isEmpty {
                Paragraph(text("network.none"))
            } else {
                diagram(model.network, name: name, text: text)
            }
        }
    }
}
