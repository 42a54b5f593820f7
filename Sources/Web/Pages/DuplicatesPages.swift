import Domain
import Features
import Foundation
import Markup

/// The likely duplicates among people and organisations, and the merge's confirmation page.
enum DuplicatesPages {
    static func list(people: DuplicateCandidates.Found, organizations: DuplicateCandidates.Found, canMerge: Bool, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("duplicates.title"), chrome: chrome) {
            H.el("h1") { Text(text("duplicates.title")) }
            H.text("p", [("class", "help")], text("duplicates.help"))
            section(.people, people, canMerge: canMerge, chrome: chrome)
            section(.organizations, organizations, canMerge: canMerge, chrome: chrome)
        }
    }

    static func section(_ kind: DuplicateCandidates.Kind, _ found: DuplicateCandidates.Found, canMerge: Bool, chrome: Chrome) -> Component {
        let text = chrome.text
        let heading = "duplicates-\(kind.rawValue)"
        return H.el("section", [("aria-labelledby", heading)]) {
            H.el("h2", [("id", heading)]) { Text(text("duplicates.\(kind.rawValue)") + " (\(found.total))") }
            if found.pairs.isEmpty {
                H.text("p", [], text("duplicates.none"))
            } else {
                if found.total > found.pairs.count { H.text("p", [("class", "help")], text("duplicates.more", String(found.total), String(found.pairs.count))) }
                H.el("ul", [("class", "results")]) {
                    for pair in found.pairs {
                        H.el("li") {
                            H.el("a", [("href", url(kind, pair.first.id).path)]) { Text(pair.first.name) }
                            Text(" · ")
                            H.el("a", [("href", url(kind, pair.second.id).path)]) { Text(pair.second.name) }
                            H.text("p", [("class", "help")], text("duplicates.likeness.\(pair.likeness.rawValue)"))
                            H.el("div", [("class", "actions")]) {
                                if canMerge {
                                    H.el("a", [("class", "button secondary"), ("href", mergeURL(kind, pair.second.id).path + "?into=\(pair.first.id.path)")]) {
                                        Text(text("duplicates.compare"))
                                    }
                                }
                                H.el("form", [("method", "post"), ("action", SiteURL.duplicatesDismiss.path), ("class", "inline")]) {
                                    Forms.csrf(chrome.csrfToken)
                                    Forms.hidden("kind", kind.rawValue)
                                    Forms.hidden("first", pair.first.id.uuidString)
                                    Forms.hidden("second", pair.second.id.uuidString)
                                    Forms.submit(text("duplicates.different"), "secondary")
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func confirm(_ kind: DuplicateCandidates.Kind, duplicate: RecordRef, kept: RecordRef, moves: [(String, Int)], duplicateRestricted: Bool,
                        errors: Forms.Errors = .init(), chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("merge.title", duplicate.name, kept.name), chrome: chrome) {
            H.el("h1") { Text(text("merge.title", duplicate.name, kept.name)) }
            Forms.errorSummary(errors, text: text)
            H.text("p", [], text("merge.help", duplicate.name, kept.name))
            if duplicateRestricted { H.text("p", [("class", "notice")], text("merge.restricted")) }
            H.el("h2") { Text(text("merge.moves")) }
            if moves.isEmpty {
                H.text("p", [], "—")
            } else {
                H.el("ul") { for (key, count) in moves { H.text("li", [], "\(count) " + text("merge.\(key)")) } }
            }
            H.el("p") {
                H.el("a", [("href", url(kind, duplicate.id).path)]) { Text(duplicate.name) }
                Text(" → ")
                H.el("a", [("href", url(kind, kept.id).path)]) { Text(kept.name) }
            }
            H.el("div", [("class", "actions")]) {
                H.el("form", [("method", "post"), ("action", mergeURL(kind, duplicate.id).path), ("class", "inline")]) {
                    Forms.csrf(chrome.csrfToken)
                    Forms.hidden("into", kept.id.uuidString)
                    Forms.submit(text("merge.confirm"))
                }
                H.el("a", [("class", "button secondary"), ("href", mergeURL(kind, kept.id).path + "?into=\(duplicate.id.path)")]) {
                    Text(text("merge.swap", duplicate.name))
                }
            }
        }
    }

    static func url(_ kind: DuplicateCandidates.Kind, _ id: UUID) -> SiteURL { kind == .people ? .record(.person, id) : .record(.organization, id) }
    static func mergeURL(_ kind: DuplicateCandidates.Kind, _ id: UUID) -> SiteURL { kind == .people ? .record(.person, id, .merge) : .record(.organization, id, .merge) }
}
