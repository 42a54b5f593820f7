import Domain
import Features
import Markup

extension RecommendationPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let item = model.recommendation
        let summary = item.summary
        return RecordHeader(.recommendation, item, list: text("recommendations.title"),
                            meta: text("recommendationStatus.\(summary.status.rawValue)"),
                            restricted: summary.confidentiality == .restricted, canWrite: model.canWrite,
                            canRestore: model.canRestore).page(chrome: chrome) {
            RecommendationViews.facts(item, text: text)
            Section.view(id: "status-history", title: text("recommendations.statusHistory")) {
                Prose.steps(item.statusHistory.map {
                    ($0.effectiveOn.description, text("recommendationStatus.\($0.status.rawValue)"))
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
