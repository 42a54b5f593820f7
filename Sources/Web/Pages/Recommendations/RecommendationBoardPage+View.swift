import Domain
import Features
import Markup

extension RecommendationBoardPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let new = model.canWrite ? (text("recommendations.new"), SiteURL.new(.recommendation)) : nil
        return Layout.page(title: text("recommendations.board"), chrome: chrome) {
            TitleRow.view(title: text("recommendations.board"), new: new, csv: .recommendations, text: text)
            RecommendationViews.viewSwitch(table: false, text: text)
            // Columns side by side on a wide screen, one under the other on a phone; each a list with its count.
            H.el("div", [("class", "board")]) { for column in model.columns { self.column(column, text: text) } }
        }
    }

    static func column(_ column: Column, text: Localizer) -> Component {
        let id = "status-\(column.status.rawValue)"
        return H.el("section", [("class", "board-column"), ("aria-labelledby", id)]) {
            H.el("h2", [("id", id)]) {
                Text(text("recommendationStatus.\(column.status.rawValue)"))
                H.text("span", [("class", "muted")], " (\(column.items.count))")
            }
            if column.items.isEmpty {
                H.text("p", [("class", "muted")], text("recommendations.none"))
            } else {
                RecommendationViews.list(column.items, text: text)
            }
        }
    }
}
