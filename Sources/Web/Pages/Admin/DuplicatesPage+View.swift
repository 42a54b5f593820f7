import Domain
import Features
import Markup

extension DuplicatesPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.titled(text("duplicates.title"), chrome: chrome) {
            H.text("p", [("class", "help")], text("duplicates.help"))
            section(.people, model.people, canMerge: model.canMerge, chrome: chrome)
            section(.organizations, model.organizations, canMerge: model.canMerge, chrome: chrome)
        }
    }

    static func section(_ kind: DuplicateCandidates.Kind, _ found: DuplicateCandidates.Found, canMerge: Bool,
                        chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.view(id: "duplicates-\(kind.rawValue)",
                            title: text("duplicates.\(kind.rawValue)") + " (\(found.total))") {
            if found.pairs.isEmpty {
                H.text("p", [], text("duplicates.none"))
            } else {
                if found.total > found.pairs.count {
                    H.text("p", [("class", "help")],
                           text("duplicates.more", found.total, found.pairs.count))
                }
                H.el("ul", [("class", "results")]) {
                    for pair in found.pairs { self.pair(kind, pair, canMerge: canMerge, chrome: chrome) }
                }
            }
        }
    }

    static func pair(_ kind: DuplicateCandidates.Kind, _ pair: DuplicateCandidates.Pair, canMerge: Bool,
                     chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("li") {
            H.link(pair.first.name, to: url(kind, pair.first.id))
            Text(" · ")
            H.link(pair.second.name, to: url(kind, pair.second.id))
            H.text("p", [("class", "help")], text("duplicates.likeness.\(pair.likeness.rawValue)"))
            H.el("div", [("class", "actions")]) {
                if canMerge {
                    H.el("a", [("class", "button secondary"),
                               ("href", mergeURL(kind, pair.second.id).path + "?into=\(pair.first.id.path)")]) {
                        Text(text("duplicates.compare"))
                    }
                }
                Forms.post(to: .duplicatesDismiss, csrf: chrome.csrfToken, button: text("duplicates.different"),
                           hidden: [("kind", kind.rawValue), ("first", pair.first.id.uuidString),
                                    ("second", pair.second.id.uuidString)])
            }
        }
    }
}
