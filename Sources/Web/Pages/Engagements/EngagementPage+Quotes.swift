import Domain
import Features
import Markup

extension EngagementPage {
    /// What was said, each quote with who said it and whether it may be published; and the form to add one.
    static func quotes(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let record = model.record
        return part(id: "quotes", title: text("quotes.title"), fold: (record.quotes.count, nil),
                    add: addQuote(model, chrome: chrome), text: text) {
            if record.quotes.isEmpty { Paragraph(text("quotes.none")) }
            for quote in record.quotes {
                H.el("figure", [("class", "quote")]) {
                    H.el("blockquote", [("lang", quote.language)]) { Paragraph(quote.text) }
                    H.el("figcaption") {
                        if let speaker = quote.speaker {
                            H.link(speaker.name, to: .record(.person, speaker.id))
                        } else {
                            Text(quote.speakerLabel ?? "")
                        }
                        Text(" · ")
                        verdict(quote.publication, text: text)
                        if model.canChange {
                            Text(" ")
                            Forms.post(to: .record(.quote, quote.id, .delete), csrf: chrome.csrfToken,
                                       button: text("quotes.remove"), cssClass: "secondary small")
                        }
                    }
                }
            }
        }
    }

    static func addQuote(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return addForm(.quote, to: .quotes, section: "quotes", text("quotes.add"), model, chrome: chrome) { form in
            form.textarea(text("quotes.text"), "text", rows: 3)
            form.field(text("quotes.speaker"), "speaker")
            form.field(text("quotes.speakerLabel"), "speakerLabel", help: text("quotes.speakerLabel.help"))
            form.field(text("quotes.language"), "language", default: "en")
            Forms.checkbox(label: text("quotes.withheld"), name: "withheld", checked: form.value("withheld") == "1",
                           id: form.id("withheld"))
        }
    }

    static func verdict(_ publication: QuoteRule.Verdict, text: Localizer) -> Component {
        publication == .publishable
            ? H.text("span", [("class", "muted")], text("quotes.publishable"))
            : H.text("span", [("class", "badge badge-overdue")], text("quotes.verdict.\(publication.rawValue)"))
    }
}
