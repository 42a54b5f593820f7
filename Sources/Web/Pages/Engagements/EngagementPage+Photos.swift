import Domain
import Features
import Markup

extension EngagementPage {
    /// The photos as a gallery of small pictures, each beside its caption, credit and the people shown
    /// (the picture links to the full size); and the form to add one.
    static func photos(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        let photos = model.record.photos
        return part(id: "photos", title: text("photos.title"), fold: (photos.count, nil),
                    add: addPhoto(model, chrome: chrome), text: text) {
            if photos.isEmpty { Paragraph(text("photos.none")) }
            if !photos.isEmpty {
                H.el("div", [("class", "gallery")]) { for item in photos { photo(item, model: model, chrome: chrome) } }
            }
        }
    }

    static func addPhoto(_ model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return addForm(.photo, to: .photos, section: "photos", text("photos.add"), multipart: true, model, chrome: chrome) { form in
            // A browser never fills a file field again, so after a mistake the help says to choose it again.
            Forms.file(label: text("photos.file"), accept: "image/jpeg,image/png,image/webp",
                       help: text("photos.file.help"), error: form.error("file"), id: form.id("file"))
            form.field(text("photos.caption"), "caption")
            form.field(text("photos.credit"), "credit")
            form.textarea(text("photos.peopleShown"), "peopleShown", help: text("photos.peopleShown.help"), rows: 2)
        }
    }

    static func photo(_ photo: PhotoRecord, model: Model, chrome: Chrome) -> Component {
        let text = chrome.text
        return H.el("figure", [("class", "photo")]) {
            H.el("a", [("href", SiteURL.record(.photo, photo.id).path)]) {
                H.void("img", [("src", SiteURL.record(.photo, photo.id, .small).path), ("loading", "lazy"),
                               ("alt", text("photos.alt", photo.caption ?? model.record.summary.title))])
            }
            H.el("figcaption") {
                if let caption = photo.caption { Text(caption) }
                if let credit = photo.credit {
                    H.text("span", [("class", "muted")], " " + text("photos.credited", credit))
                }
                if !photo.peopleShown.isEmpty {
                    H.el("span", [("class", "record-meta")]) {
                        Text(" · ")
                        for (index, person) in photo.peopleShown.enumerated() {
                            if index > 0 { Text(", ") }
                            H.link(person.name, to: .record(.person, person.id))
                        }
                    }
                }
                if model.canChange {
                    Text(" ")
                    Forms.post(to: .record(.photo, photo.id, .delete), csrf: chrome.csrfToken,
                               button: text("photos.remove"), cssClass: "secondary small")
                }
            }
        }
    }
}
