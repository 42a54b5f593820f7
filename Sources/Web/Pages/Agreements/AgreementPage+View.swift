import Domain
import Features
import Markup

extension AgreementPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text, agreement = model.agreement
        let header = RecordHeader(agreement, agreement.summary, list: text("agreements.title"),
                                  meta: AgreementViews.meta(agreement.summary, text: text), access: model)
        return header.page(chrome: chrome) {
            AgreementViews.facts(agreement, text: text)
            WorkingGroupViews.section(model.groups, title: text("groups.fromAgreement"), text: text)
            if model.canChange {
                H.el("p") {
                    H.el("a", [("href", SiteURL.new(.workingGroup).path + "?agreement=" + agreement.id.path),
                               ("class", "button secondary")]) { Text(text("groups.startFromAgreement")) }
                }
            }
            Prose.statusHistory(agreement.statusHistory, title: text("agreements.statusHistory"), statuses: "agreementStatus", text: text)
            documents(model, chrome: chrome)
            engagements(agreement, text: text)
        }
    }

    static func engagements(_ agreement: AgreementRecord, text: Localizer) -> Component {
        Section.items(agreement.engagements, id: "agreement-engagements", title: text("agreements.engagements"),
                      none: text("agreements.noEngagements")) {
            RecordList.view($0) { item in
                RecordList.entry(item.engagement.name, to: .record(.engagement, item.engagement.id),
                                 meta: "\(text.day(iso: item.day)) · \(text("agreementLink.\(item.link.rawValue)"))", text: text)
            }
        }
    }
}
