import Domain
import Features
import Markup

extension PublicUpdatePage {
    /// The check's verdict, each problem as a sentence that says how to resolve it.
    static func check(_ update: PublicUpdate, canPublish: Bool, text: Localizer) -> Component {
        let result = update.check
        return H.el("section", [("id", "check"), ("aria-labelledby", "check-title")]) {
            H.text("h2", [("id", "check-title")], text("publicUpdate.check"))
            if result.isClean {
                H.el("div", [("class", "notice success"), ("role", "status")]) { Paragraph(text("publicUpdate.ready")) }
                if canPublish {
                    ExportForm.view([(.record(.visit, update.visit.id, .publicUpdateMarkdown), "report.markdown"),
                                     (.record(.visit, update.visit.id, .publicUpdateHTML), "report.html")], text: text)
                } else {
                    H.text("p", [("class", "help")], text("publicUpdate.mayNotPublish"))
                }
            } else {
                H.el("div", [("class", "error-summary"), ("role", "alert")]) {
                    Paragraph(text("publicUpdate.blocked", result.problems.count))
                    H.el("ul") {
                        for problem in result.problems {
                            H.el("li") {
                                let words = sentence(problem, update: update, text: text)
                                if let target = anchor(problem) {
                                    H.el("a", [("href", target)]) { Text(words) }
                                } else {
                                    Text(words)
                                }
                            }
                        }
                    }
                }
            }
            if result.restrictedLeftOut > 0 {
                H.text("p", [("class", "help")],
                       text("publicUpdate.restrictedLeftOut", result.restrictedLeftOut))
            }
            if result.quotesWithheld > 0 {
                H.text("p", [("class", "help")], text("publicUpdate.withheldLeftOut", result.quotesWithheld))
            }
        }
    }

    /// Where the fix is: the quote's or photo's box to leave it out, else the person's choice.
    static func anchor(_ problem: PublicationCheck.Problem) -> String? {
        if let item = problem.item, problem.use != .named {
            return "#pu-\(problem.use == .quoted ? "quote" : "photo")-\(item.uuidString.lowercased())"
        }
        return problem.person.map { "#pu-person-\($0.uuidString.lowercased())" }
    }

    static func sentence(_ problem: PublicationCheck.Problem, update: PublicUpdate, text: Localizer) -> String {
        let name = problem.person.flatMap { update.subjects[$0]?.name } ?? ""
        let place = placeName(problem.place, text: text)
        let answer = text("answer.\((problem.answer ?? .unknown).rawValue)")
        switch problem.reason {
        case .noConsent: return text("publicUpdate.problem.\(problem.use.rawValue)", name, answer, place)
        case .nameInText: return text("publicUpdate.problem.nameInText", name, place)
        case .restrictedNameInText: return text("publicUpdate.problem.restrictedNameInText", place)
        }
    }

    /// The check names its places by field ("lead") or by engagement title; fields get words.
    static func placeName(_ place: String, text: Localizer) -> String {
        let fields = ["delegation", "headline", "lead", "closing", "label"]
        return fields.contains(place) ? text("publicUpdate.place.\(place)") : text("common.quoted", place)
    }
}
