import Domain
import Markup

extension AccountPage {
    /// "Use offline on this device": the log form, visits and follow-ups open with no connection, and what is
    /// logged waits on the device until it is sent. A choice for each device, made by the script there (the
    /// server cannot know a device); without scripts it says so.
    static func offline(chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.view(id: "offline-heading", title: text("offline.title")) {
            Paragraph(text("offline.intro"))
            Paragraph(text("offline.doNoHarm"))
            H.el("noscript") { Paragraph(text("offline.needsScripts")) }
            H.el("div", [("data-offline", "")]
                 + CaptureViews.words([("on", "offline.state.on"), ("off", "offline.state.off"),
                                       ("preparing", "offline.state.preparing"),
                                       ("unsupported", "offline.state.unsupported")], text: text)
                 + CaptureViews.plurals("offline.forgetWarning", text: text)) {
                H.el("p", [("class", "offline-state"), ("role", "status"), ("aria-live", "polite")]) { EmptyComponent() }
                H.el("p", [("class", "actions")]) {
                    H.el("button", [("type", "button"), ("data-offline-enable", ""), ("hidden", "")]) {
                        Text(text("offline.enable"))
                    }
                    H.el("button", [("type", "button"), ("class", "secondary"), ("data-offline-forget", ""), ("hidden", "")]) {
                        Text(text("offline.forget"))
                    }
                }
            }
        }
    }
}
