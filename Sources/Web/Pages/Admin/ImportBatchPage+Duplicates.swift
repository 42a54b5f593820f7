import Domain
import Features
import Markup

extension ImportBatchPage {
    /// 3. Possible duplicates: each row that looks like someone already recorded (or an earlier row), with the
    /// decision to merge it or add it as new.
    static func duplicates(_ batch: ImportBatches.Batch, plan: ImportPlan, chrome: Chrome) -> Component {
        let text = chrome.text
        if plan.suggestions.isEmpty { return H.empty }
        return Section.view(id: "duplicates", title: text("import.duplicates", plan.suggestions.count)) {
            H.text("p", [("class", "help")], text("import.duplicates.help"))
            if plan.suggestions.count > shown { more(text) }
            H.el("form", [("method", "post"), ("action", SiteURL.record(.importBatch, batch.id, .decisions).path)]) {
                Forms.csrf(chrome.csrfToken)
                let headings = [text("import.row"), text("field.name") + " · " + text("import.looksLike"),
                                text("import.decision")]
                table(labelledBy: "duplicates", headings: headings) {
                    for suggestion in plan.suggestions.prefix(shown) { row(suggestion, batch: batch, text: text) }
                }
                H.el("div", [("class", "actions")]) {
                    Forms.submit(text("import.saveDecisions"), "secondary")
                    H.el("button", [("type", "submit"), ("name", "all"), ("value", "merge"), ("class", "secondary")]) {
                        Text(text("import.mergeAll"))
                    }
                    H.el("button", [("type", "submit"), ("name", "all"), ("value", "new"), ("class", "secondary")]) {
                        Text(text("import.newAll"))
                    }
                }
            }
        }
    }

    static func row(_ suggestion: DuplicateSuggestion, batch: ImportBatches.Batch, text: Localizer) -> Component {
        let decision = batch.decisions.decision(for: suggestion.row)
        return H.el("tr") {
            H.text("td", [], String(suggestion.row))
            H.el("td") {
                H.text("strong", [("id", "dup-\(suggestion.row)")], suggestion.name)
                H.void("br", [])
                if let existing = suggestion.existing {
                    H.link(text("import.inRecord", existing.name),
                           to: .record(batch.kind == .organizations ? .organization : .person, existing.id))
                } else {
                    Text(text("import.earlierRow", (suggestion.earlierRow ?? 0), suggestion.matchedName))
                }
                H.text("span", [("class", "help")], " — " + text("duplicates.likeness.\(suggestion.likeness.rawValue)"))
            }
            H.el("td") {
                H.el("fieldset", [("class", "choices"), ("aria-labelledby", "dup-\(suggestion.row)")]) {
                    for choice in DuplicateDecision.allCases {
                        H.el("label") {
                            H.void("input",
                                   [("type", "radio"), ("name", "row\(suggestion.row)"), ("value", choice.rawValue),
                                             ("checked", decision == choice ? "" : nil)])
                            Text(" " + text("import.decide.\(choice.rawValue)"))
                        }
                    }
                }
            }
        }
    }
}
