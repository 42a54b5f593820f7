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
                        for (field, value) in entry.sent.sorted(by: { $0.key < $1.key }) where !value.isEmpty {
                            H.text("dt", [], text.has("engagements.\(field)") ? text("engagements.\(field)") : field)
                            H.text("dd", [], readable(value))
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

    /// A value the API sent is JSON: a string shows without its quotes.
    static func readable(_ value: String) -> String {
        guard value.hasPrefix("\""), let data = value.data(using: .utf8),
              let string = try? JSONDecoder().decode(String.self, from: data) else { return value }
        return string
    }
}
