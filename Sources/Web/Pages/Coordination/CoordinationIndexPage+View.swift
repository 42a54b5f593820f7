import Domain
import Features
import Markup

extension CoordinationIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("coordination.title"),
                              new: model.canWrite ? (text("coordination.new"), .new(.coordination)) : nil,
                              intro: text("coordination.intro"), url: .list(.coordination),
                              isEmpty: model.matrix.actors.isEmpty, emptyText: text("coordination.none"))
        let download = H.el("p") {
            H.el("a", [("href", SiteURL.coordinationExport.path + (model.query.isEmpty ? "" : "?" + model.query)),
                       ("download", "")]) { Text(text("coordination.export")) }
        }
        return frame.page(chrome: chrome, above: download) {
            Filters.choice(model.places, text("coordination.places"), name: "place", selected: model.placeID,
                           text: text)
            Filters.period(from: model.from, to: model.to, errors: model.errors, text: text)
        } items: {
            matrix(model.matrix, text: text)
        }
    }

    /// A real table: its headers are read out with each cell; on a phone it scrolls sideways within its box.
    static func matrix(_ matrix: CoordinationMatrix, text: Localizer) -> Component {
        H.group {
            H.el("h2", [("id", "matrix")]) { Text(text("coordination.matrix")) }
            H.el("div",
                 [("class", "table-scroll"), ("role", "region"), ("aria-labelledby", "matrix"), ("tabindex", "0")]) {
                H.el("table", [("class", "matrix")]) {
                    H.el("thead") {
                        H.el("tr") {
                            H.text("th", [("scope", "col")], text("coordination.actor"))
                            for theme in matrix.themes { H.text("th", [("scope", "col")], theme) }
                        }
                    }
                    H.el("tbody") { for actor in matrix.actors { row(actor, matrix: matrix, text: text) } }
                }
            }
        }
    }

    static func row(_ actor: RecordRef, matrix: CoordinationMatrix, text: Localizer) -> Component {
        H.el("tr") {
            H.el("th", [("scope", "row")]) { H.link(actor.name, to: .record(.organization, actor.id)) }
            for theme in matrix.themes {
                H.el("td") {
                    for activity in matrix.cells[actor.id]?[theme] ?? [] {
                        H.el("p") {
                            H.link(CoordinationViews.placesAndPeriod(activity, text: text),
                                   to: .record(.coordination, activity.id))
                        }
                    }
                }
            }
        }
    }
}
