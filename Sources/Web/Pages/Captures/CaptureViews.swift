import Domain
import Markup

/// The words and marks the offline capture shows. What is kept on a device is known only to the page
/// script there, so the server writes the words (every one from the catalogue, plural forms by CLDR
/// category for `Intl.PluralRules`) into hidden elements and the script fills in the numbers.
enum CaptureViews {
    /// "3 waiting to be sent", beside "Log an engagement"; hidden until the script finds something waiting.
    static func badge(text: Localizer) -> Component {
        H.el("a", [("class", "capture-badge"), ("href", SiteURL.list(.capture).path), ("hidden", "")]
                 + plurals("captures.waitingCount", text: text)) { EmptyComponent() }
    }

    /// `data-plural-one="{0} waiting to be sent"` … for each category the language uses.
    static func plurals(_ key: String, text: Localizer) -> [(String, String?)] {
        text.pluralTemplates(key).map { ("data-plural-\($0.0.rawValue)", $0.1) }
    }

    /// Words for the script, as `data-word-…` attributes.
    static func words(_ keys: [(String, String)], text: Localizer) -> [(String, String?)] {
        keys.map { ("data-word-\($0.0)", text($0.1)) }
    }
}
