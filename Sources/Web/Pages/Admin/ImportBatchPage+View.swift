import Domain
import Features
import Markup

extension ImportBatchPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let batch = model.batch
        let title = text("import.kind.\(batch.kind.rawValue)") + ": " + batch.fileName
        return Layout.titled(title, chrome: chrome, refreshSeconds: batch.status == .running ? 1 : nil) {
            Forms.errorSummary(model.errors, text: text)
            switch batch.status {
            case .running:
                let state = model.progress ?? .init(done: 0, total: model.plan?.rowCount ?? 0)
                H.el("p", [("role", "status")]) {
                    Text(text("import.running", state.done, state.total))
                }
                H.el("progress", [("max", String(max(state.total, 1))), ("value", String(state.done)),
                                  ("aria-label", text("import.title"))]) { EmptyComponent() }
                H.text("p", [("class", "help")], text("import.runningNote"))
            case .done:
                H.el("p", [("class", "notice"), ("role", "status")]) {
                    Text(text("import.done", (batch.created ?? 0), (batch.merged ?? 0)))
                }
                H.el("p") {
                    H.link(text("nav.\(batch.kind.rawValue == "positions" ? "people" : batch.kind.rawValue)"),
                           to: listURL(batch.kind))
                }
            case .failed:
                H.el("p", [("class", "error-summary"), ("role", "alert")]) {
                    Text(batch.failure == "interrupted" ? text("import.interrupted") : text("import.failed",
                            batch.failure ?? ""))
                }
                H.el("p") { H.link(text("import.title"), to: .list(.importBatch)) }
            case .staged:
                if let plan = model.plan {
                    mapping(batch, chrome: chrome)
                    problems(plan, text: text)
                    duplicates(batch, plan: plan, chrome: chrome)
                    confirm(batch, plan: plan, chrome: chrome)
                }
            }
        }
    }

    /// A table that scrolls sideways within its box on a phone, named by its section's heading.
    static func table(labelledBy id: String, headings: [String], @ComponentBuilder rows: () -> Component) -> Component {
        H.el("div", [("class", "table-scroll"), ("role", "region"), ("aria-labelledby", id), ("tabindex", "0")]) {
            H.el("table") {
                H.el("thead") { H.el("tr") { for heading in headings { H.text("th", [("scope", "col")], heading) } } }
                H.el("tbody") { rows() }
            }
        }
    }

    /// 4. Confirm: only a plan without problems and with every duplicate decided.
    static func confirm(_ batch: ImportBatches.Batch, plan: ImportPlan, chrome: Chrome) -> Component {
        let text = chrome.text
        return Section.view(id: "confirm", title: text("import.confirmTitle")) {
            if plan.isReady(batch.decisions) {
                H.el("p", [("role", "status")]) { Text(text("import.ready", plan.rowCount)) }
                H.el("form", [("method", "post"), ("action", SiteURL.record(.importBatch, batch.id, .start).path)]) {
                    Forms.csrf(chrome.csrfToken)
                    Forms.submit(text("import.confirm", plan.rowCount))
                }
            } else {
                H.el("p", [("role", "status")]) { Text(text("import.notReady")) }
            }
        }
    }
}
