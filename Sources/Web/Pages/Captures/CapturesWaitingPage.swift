import Domain
import Markup

/// What this device keeps until the server confirms it: listed by the page script from the device's own
/// store (the server cannot know it), with a button to send now. The page itself is kept on the device so
/// that it opens with no connection.
enum CapturesWaitingPage {
    static func view(reviewCount: Int, chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.titled(text("captures.title"), chrome: chrome) {
            Paragraph(text("captures.intro"))
            H.el("noscript") { Paragraph(text("captures.needsScripts")) }
            H.el("div", [("id", "captures"), ("class", "captures"), ("data-lang", text.tag)]
                 + CaptureViews.words([
                    ("empty", "captures.empty"), ("waiting", "captures.status.waiting"),
                    ("sending", "captures.status.sending"), ("attention", "captures.status.attention"),
                    ("signin", "captures.status.signIn"), ("kept", "captures.kept"), ("open", "captures.openInForm"),
                    ("engagement", "captures.kind.engagement"), ("followup", "captures.kind.followUp"),
                    ("note", "captures.kind.note"), ("remove", "captures.remove"), ("removeConfirm", "captures.removeConfirm"),
                    ("untitled", "captures.untitled"), ("offline", "captures.offline"), ("sent", "captures.sent"),
                    ("reviewed", "captures.sentToReview"), ("deleted", "captures.sentDeleted"),
                 ], text: text)) {
                H.el("p", [("class", "actions")]) {
                    H.el("button", [("type", "button"), ("class", "capture-send"), ("hidden", "")]) {
                        Text(text("captures.sendNow"))
                    }
                }
                H.el("p", [("class", "capture-status"), ("role", "status"), ("aria-live", "polite")]) { EmptyComponent() }
                H.el("ul", [("class", "records capture-list")]) { EmptyComponent() }
            }
            if reviewCount > 0 {
                H.el("p") {
                    H.link(text("captures.reviewCount", reviewCount), to: .list(.captureReview))
                }
            }
        }
    }
}
