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
            Section.view(id: "status-history", title: text("recommendations.statusHistory")) {
                Prose.steps(item.statusHistory.map {
                    (text.day($0.effectiveOn), text("recommendationStatus.\($0.status.rawValue)"))
                })
            }
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
