import Domain
import Features
import Markup

extension ImportBatchPage {
    /// 1. Columns: which field each column fills, with the first row's value as an example.
    static func mapping(_ batch: ImportBatches.Batch, chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.view(id: "mapping", title: text("import.mapping")) {
            H.text("p", [("class", "help")], text("import.mapping.help"))
            H.el("form", [("method", "post"), ("action", SiteURL.record(.importBatch, batch.id, .mapping).path)]) {
                Forms.csrf(chrome.csrfToken)
                table(labelledBy: "mapping", headings: [text("import.column"), text("import.field")]) {
                    for (index, heading) in batch.table.header.enumerated() {
                        column(index, heading, batch: batch, text: text)
                    }
                }
                Forms.submit(text("import.remap"), "secondary")
            }
        }
    }

    /// Two columns, the first row's value under its heading: the table fits a phone.
    static func column(_ index: Int, _ heading: String, batch: ImportBatches.Batch, text: Localizer) -> Component {
        let chosen = batch.mapping.field(at: index)
        let example = String((batch.table.rows.first?[index] ?? "").prefix(40))
        return H.el("tr") {
            H.el("th", [("scope", "row")]) {
                H.el("label", [("for", "column\(index)")]) { Text(heading.isEmpty ? "column \(index + 1)" : heading) }
                if !example.isEmpty {
                    H.text("span", [("class", "help example")], text("import.example") + ": " + example)
                }
            }
            H.el("td") {
                H.el("select", [("id", "column\(index)"), ("name", "column\(index)")]) {
                    H.el("option", [("value", ""), ("selected", chosen == nil ? "" : nil)]) {
                        Text(text("import.notImported"))
                    }
                    for field in batch.kind.fields {
                        H.el("option", [("value", field.key), ("selected", chosen == field.key ? "" : nil)]) {
                            Text(text("import.field.\(field.key)") + (field.required ? " *" : ""))
                        }
                    }
                }
            }
        }
    }

    /// 2. Problems, by row and column.
    static func problems(_ plan: ImportPlan, text: Localizer) -> Component {
        if plan.problems.isEmpty { return H.empty }
        return Section.view(id: "problems", title: text("import.problems", plan.problems.count)) {
            H.text("p", [("class", "help")], text("import.problems.help"))
            if plan.problems.count > shown { more(text) }
            table(labelledBy: "problems",
                  headings: [text("import.row"), text("import.column"), text("import.message")]) {
                for problem in plan.problems.prefix(shown) {
                    H.el("tr") {
                        H.text("td", [], problem.row > 0 ? String(problem.row) : "–")
                        H.text("td", [], problem.column)
                        H.text("td", [], text.text(problem.messageKey, problem.arguments))
                    }
                }
            }
        }
    }

    /// Only the first ones are listed: a file with more needs fixing at its source.
    static func more(_ text: Localizer) -> Component {
        H.text("p", [("class", "help")], text("import.problemsMore", shown))
    }
}
