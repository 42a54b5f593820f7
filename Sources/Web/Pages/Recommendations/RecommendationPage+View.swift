import Domain
import Features
import Markup

extension RecommendationPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text, item = model.recommendation
        let status = text("recommendationStatus.\(item.summary.status.rawValue)")
        let header = RecordHeader(item, item.summary, list: text("recommendations.title"), meta: status, access: model)
        return header.page(chrome: chrome) {
            RecommendationViews.facts(item, text: text)
            Prose.statusHistory(item.statusHistory, title: text("recommendations.statusHistory"), statuses: "recommendationStatus",
                                text: text)
            Section.view(id: "evidence", title: text("recommendations.evidence")) {
                if item.engagements.isEmpty && item.contextEvents.isEmpty {
                    Paragraph(text("recommendations.noEvidence"))
                } else {
                    EngagementViews.timeline(item.engagements, context: item.contextEvents, newestFirst: false,
                                             text: text)
                }
            }
        }
    }
}
