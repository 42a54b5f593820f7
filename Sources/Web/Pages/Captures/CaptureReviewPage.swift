import Domain
import Features
import Foundation
import Markup

/// What the author's captures could not do on their own: a resend with other content, names typed offline
/// that were not found, a change to something someone else changed meanwhile. Each says what was sent and
/// links to the record; nothing is applied until the author does it there, then dismisses the entry.
enum CaptureReviewPage {
    static func view(_ entries: [CaptureReviews.Entry], chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.titled(text("captureReview.title"), chrome: chrome) {
            Paragraph(text("captureReview.intro"))
            if entries.isEmpty {
                Paragraph(text("captureReview.none"))
            } else {
                H.el("ul", [("class", "records capture-reviews")]) {
                    for entry in entries { item(entry, chrome: chrome) }
                }
            }
        }
    }

    static func item(_ entry: CaptureReviews.Entry, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("li") {
            H.text("h2", [("class", "record-title")], text("captureReview.reason.\(entry.reason.rawValue)"))
            H.text("p", [("class", "record-meta")], ([entry.details["record"]?.first ?? entry.details["followUp"]?.first]
                + [text.dateTime(entry.createdAt)]).compactMap { $0 }.joined(separator: " · "))
            Paragraph(text("captureReview.explain.\(entry.reason.rawValue)"))
            switch entry.reason {
            case .namesNotFound:
                H.el("ul") {
                    for name in entry.details["names"] ?? [] { H.text("li", [], name) }
                }
            case .changedMeanwhile:
                H.el("dl", [("class", "facts")]) {
                    for (key, label) in [("followUp", "captureReview.followUp"), ("sent", "captureReview.yours"),
                                         ("stored", "captureReview.stored")] {
                        if let value = entry.details[key]?.first {
                            H.text("dt", [], text(label))
                            H.text("dd", [], key == "followUp" ? value : text("followUpStatus.\(value)"))
                        }
                    }
                }
            case .changedResend:
                H.el("details") {
                    H.text("summary", [], text("captureReview.sent"))
                    H.el("dl", [("class", "facts")]) {
                        for (label, value) in sentFacts(entry.sent, text: text) {
                            H.text("dt", [], label)
                            H.text("dd", [], value)
                        }
                    }
                }
            }
            H.el("div", [("class", "actions")]) {
                if let id = entry.recordID, entry.recordType == Engagements.recordType {
                    H.link(text("captureReview.openEngagement"), to: .record(.engagement, id), [("class", "button secondary")])
                }
                Forms.post(to: .record(.captureReview, entry.id, .delete), csrf: chrome.csrfToken,
                           button: text("captureReview.dismiss"))
            }
        }
    }

    /// The fields a person reads, in the form's order and words: the form's own keys or the API's. Identities,
    /// versions and the form's token are left out; what is empty is not shown.
    static let labels: [(fields: [String], key: String)] = [
        (["title"], "field.title"), (["start"], "engagements.start"), (["kind"], "engagements.kind"),
        (["participants"], "engagements.participants"), (["hosts"], "engagements.hosts"), (["partners"], "engagements.partners"),
        (["venue"], "engagements.venue"), (["summary"], "engagements.summary"), (["outcomes"], "engagements.outcomes"),
        (["decisions"], "engagements.decisions"), (["topics"], "engagements.topics"), (["followUp", "text"], "engagements.followUp"),
        (["confidentiality"], "engagements.confidentiality"),
    ]

    static func sentFacts(_ sent: [String: String], text: Localizer) -> [(String, String)] {
        var facts: [(String, String)] = []
        for (fields, key) in labels {
            guard let value = fields.lazy.compactMap({ sent[$0] }).first.map(readable), !value.isEmpty else { continue }
            facts.append((text(key), key == "engagements.start" ? text.wallClock(value) : value))
        }
        // Head-count lines as the form sends them: "residents: 12".
        let lines = (0..<20).compactMap { line -> String? in
            guard let category = sent["headCounts[\(line)][category]"], !category.isEmpty else { return nil }
            return "\(category): \(sent["headCounts[\(line)][count]"] ?? "")"
        }
        if !lines.isEmpty { facts.append((text("engagements.headCounts"), lines.joined(separator: "; "))) }
        return facts
    }

    /// A value the API sent is JSON: a string shows without its quotes.
    static func readable(_ value: String) -> String {
        guard value.hasPrefix("\""), let data = value.data(using: .utf8),
              let string = try? JSONDecoder().decode(String.self, from: data) else { return value }
        return string
    }
}
