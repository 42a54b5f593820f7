import Domain
import Features
import Foundation
import Markup

/// The staged import's pages: upload; then one page per file that maps its columns, lists its problems
/// and possible duplicates, and confirms; then its progress (refreshing itself, no script needed).
enum ImportPages {
    /// At most this many problems and duplicates are listed; a file with more needs fixing at its source.
    static let shown = 200

    static func upload(recent: [ImportBatches.Summary], values: [String: String] = [:], errors: Forms.Errors = .init(), chrome: Chrome) -> String {
        let text = chrome.text
        return Layout.page(title: text("import.title"), chrome: chrome) {
            H.el("h1") { Text(text("import.title")) }
            H.text("p", [("class", "help")], text("import.order"))
            Forms.errorSummary(errors, text: text)
            H.el("form", [("method", "post"), ("action", SiteURL.list(.importBatch).path), ("enctype", "multipart/form-data")]) {
                Forms.csrf(chrome.csrfToken)
                Forms.select(label: text("import.kind"), name: "kind", options: ImportKind.order.map { ($0.rawValue, text("import.kind.\($0.rawValue)")) },
                             selected: values["kind"] ?? ImportKind.people.rawValue, error: errors["kind"])
                H.el("div", [("class", errors["file"] == nil ? "field" : "field has-error")]) {
                    H.el("label", [("for", "f-file")]) { Text(text("import.file")) }
                    H.el("p", [("class", "help"), ("id", "f-file-help")]) { Text(text("import.file.help")) }
                    if let error = errors["file"] { H.el("p", [("class", "error"), ("id", "f-file-error")]) { Text(error) } }
                    H.void("input", [("type", "file"), ("id", "f-file"), ("name", "file"), ("accept", ".csv,text/csv,text/plain"), ("required", ""),
                                     ("aria-describedby", errors["file"] == nil ? "f-file-help" : "f-file-help f-file-error")])
                }
                Forms.submit(text("import.upload"))
            }
            H.el("p") { H.el("a", [("href", SiteURL.duplicates.path)]) { Text(text("duplicates.title")) } }
            if !recent.isEmpty {
                H.el("h2") { Text(text("import.recent")) }
                H.el("ul") {
                    for batch in recent {
                        H.el("li") {
                            H.el("a", [("href", SiteURL.record(.importBatch, batch.id).path)]) { Text(batch.fileName) }
                            Text(" · " + text("import.kind.\(batch.kind.rawValue)") + " · " + text("import.status.\(batch.status.rawValue)"))
                        }
                    }
                }
            }
        }
    }

    static func batch(_ batch: ImportBatches.Batch, plan: ImportPlan?, progress: ImportProgress.State?, errors: Forms.Errors = .init(), chrome: Chrome) -> String {
        let text = chrome.text
        let title = text("import.kind.\(batch.kind.rawValue)") + ": " + batch.fileName
        return Layout.page(title: title, chrome: chrome, refreshSeconds: batch.status == .running ? 1 : nil) {
            H.el("h1") { Text(title) }
            Forms.errorSummary(errors, text: text)
            switch batch.status {
            case .running:
                let state = progress ?? .init(done: 0, total: plan?.rowCount ?? 0)
                H.el("p", [("role", "status")]) { Text(text("import.running", String(state.done), String(state.total))) }
                H.el("progress", [("max", String(max(state.total, 1))), ("value", String(state.done)), ("aria-label", text("import.title"))]) { EmptyComponent() }
                H.text("p", [("class", "help")], text("import.runningNote"))
            case .done:
                H.el("p", [("class", "notice"), ("role", "status")]) { Text(text("import.done", String(batch.created ?? 0), String(batch.merged ?? 0))) }
                H.el("p") { H.el("a", [("href", listURL(batch.kind).path)]) { Text(text("nav.\(batch.kind.rawValue == "positions" ? "people" : batch.kind.rawValue)")) } }
            case .failed:
                H.el("p", [("class", "error-summary"), ("role", "alert")]) {
                    Text(batch.failure == "interrupted" ? text("import.interrupted") : text("import.failed", batch.failure ?? ""))
                }
                H.el("p") { H.el("a", [("href", SiteURL.list(.importBatch).path)]) { Text(text("import.title")) } }
            case .staged:
                if let plan { staged(batch, plan: plan, chrome: chrome) }
            }
        }
    }

    static func listURL(_ kind: ImportKind) -> SiteURL {
        switch kind {
        case .people, .positions: return .list(.person)
        case .organizations: return .list(.organization)
        case .engagements: return .list(.engagement)
        }
    }

    @ComponentBuilder
    static func staged(_ batch: ImportBatches.Batch, plan: ImportPlan, chrome: Chrome) -> Component {
        let text = chrome.text
        let csrf = chrome.csrfToken
        // 1. Columns
        H.el("section", [("aria-labelledby", "mapping")]) {
            H.el("h2", [("id", "mapping")]) { Text(text("import.mapping")) }
            H.text("p", [("class", "help")], text("import.mapping.help"))
            H.el("form", [("method", "post"), ("action", SiteURL.record(.importBatch, batch.id, .mapping).path)]) {
                Forms.csrf(csrf)
                H.el("div", [("class", "table-scroll"), ("role", "region"), ("aria-labelledby", "mapping"), ("tabindex", "0")]) {
                    H.el("table") {
                        H.el("thead") { H.el("tr") {
                            H.text("th", [("scope", "col")], text("import.column"))
                            H.text("th", [("scope", "col")], text("import.field"))
                        } }
                        H.el("tbody") {
                            for (index, heading) in batch.table.header.enumerated() {
                                H.el("tr") {
                                    // Two columns, the first row's value under its heading: the table fits a phone.
                                    H.el("th", [("scope", "row")]) {
                                        H.el("label", [("for", "column\(index)")]) { Text(heading.isEmpty ? "column \(index + 1)" : heading) }
                                        let example = String((batch.table.rows.first?[index] ?? "").prefix(40))
                                        if !example.isEmpty { H.text("span", [("class", "help example")], text("import.example") + ": " + example) }
                                    }
                                    H.el("td") {
                                        H.el("select", [("id", "column\(index)"), ("name", "column\(index)")]) {
                                            H.el("option", [("value", ""), ("selected", batch.mapping.field(at: index) == nil ? "" : nil)]) { Text(text("import.notImported")) }
                                            for field in batch.kind.fields {
                                                H.el("option", [("value", field.key), ("selected", batch.mapping.field(at: index) == field.key ? "" : nil)]) {
                                                    Text(text("import.field.\(field.key)") + (field.required ? " *" : ""))
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                Forms.submit(text("import.remap"), "secondary")
            }
        }
        // 2. Problems
        if !plan.problems.isEmpty {
            H.el("section", [("aria-labelledby", "problems")]) {
                H.el("h2", [("id", "problems")]) { Text(text("import.problems", String(plan.problems.count))) }
                H.text("p", [("class", "help")], text("import.problems.help"))
                if plan.problems.count > shown { H.text("p", [("class", "help")], text("import.problemsMore", String(shown))) }
                H.el("div", [("class", "table-scroll"), ("role", "region"), ("aria-labelledby", "problems"), ("tabindex", "0")]) {
                    H.el("table") {
                        H.el("thead") { H.el("tr") {
                            H.text("th", [("scope", "col")], text("import.row"))
                            H.text("th", [("scope", "col")], text("import.column"))
                            H.text("th", [("scope", "col")], text("import.message"))
                        } }
                        H.el("tbody") {
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
            }
        }
        // 3. Possible duplicates
        if !plan.suggestions.isEmpty {
            H.el("section", [("aria-labelledby", "duplicates")]) {
                H.el("h2", [("id", "duplicates")]) { Text(text("import.duplicates", String(plan.suggestions.count))) }
                H.text("p", [("class", "help")], text("import.duplicates.help"))
                if plan.suggestions.count > shown { H.text("p", [("class", "help")], text("import.problemsMore", String(shown))) }
                H.el("form", [("method", "post"), ("action", SiteURL.record(.importBatch, batch.id, .decisions).path)]) {
                    Forms.csrf(csrf)
                    H.el("div", [("class", "table-scroll"), ("role", "region"), ("aria-labelledby", "duplicates"), ("tabindex", "0")]) {
                        H.el("table") {
                            H.el("thead") { H.el("tr") {
                                H.text("th", [("scope", "col")], text("import.row"))
                                H.text("th", [("scope", "col")], text("field.name") + " · " + text("import.looksLike"))
                                H.text("th", [("scope", "col")], text("import.decision"))
                            } }
                            H.el("tbody") {
                                for suggestion in plan.suggestions.prefix(shown) {
                                    let decision = batch.decisions.decision(for: suggestion.row)
                                    H.el("tr") {
                                        H.text("td", [], String(suggestion.row))
                                        H.el("td") {
                                            H.text("strong", [("id", "dup-\(suggestion.row)")], suggestion.name)
                                            H.void("br", [])
                                            if let existing = suggestion.existing {
                                                H.el("a", [("href", (batch.kind == .organizations ? SiteURL.record(.organization, existing.id) : SiteURL.record(.person, existing.id)).path)]) {
                                                    Text(text("import.inRecord", existing.name))
                                                }
                                            } else {
                                                Text(text("import.earlierRow", String(suggestion.earlierRow ?? 0), suggestion.matchedName))
                                            }
                                            H.text("span", [("class", "help")], " — " + text("duplicates.likeness.\(suggestion.likeness.rawValue)"))
                                        }
                                        H.el("td") {
                                            H.el("fieldset", [("class", "choices"), ("aria-labelledby", "dup-\(suggestion.row)")]) {
                                                for choice in DuplicateDecision.allCases {
                                                    H.el("label") {
                                                        H.void("input", [("type", "radio"), ("name", "row\(suggestion.row)"), ("value", choice.rawValue),
                                                                         ("checked", decision == choice ? "" : nil)])
                                                        Text(" " + text("import.decide.\(choice.rawValue)"))
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    H.el("div", [("class", "actions")]) {
                        Forms.submit(text("import.saveDecisions"), "secondary")
                        H.el("button", [("type", "submit"), ("name", "all"), ("value", "merge"), ("class", "secondary")]) { Text(text("import.mergeAll")) }
                        H.el("button", [("type", "submit"), ("name", "all"), ("value", "new"), ("class", "secondary")]) { Text(text("import.newAll")) }
                    }
                }
            }
        }
        // 4. Confirm
        H.el("section", [("aria-labelledby", "confirm")]) {
            H.el("h2", [("id", "confirm")]) { Text(text("import.confirmTitle")) }
            if plan.isReady(batch.decisions) {
                H.el("p", [("role", "status")]) { Text(text("import.ready", String(plan.rowCount))) }
                H.el("form", [("method", "post"), ("action", SiteURL.record(.importBatch, batch.id, .start).path)]) {
                    Forms.csrf(csrf)
                    Forms.submit(text("import.confirm", String(plan.rowCount)))
                }
            } else {
                H.el("p", [("role", "status")]) { Text(text("import.notReady")) }
            }
        }
    }
}
