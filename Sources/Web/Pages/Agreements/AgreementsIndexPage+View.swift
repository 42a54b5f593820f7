import Domain
import Features
import Markup

extension AgreementsIndexPage {
    static func view(_ model: Model, chrome: Chrome) -> String {
        let text = chrome.text
        let frame = ListFrame(title: text("agreements.title"),
                              new: model.canWrite ? (text("agreements.new"), .new(.agreement)) : nil, csv: .agreements,
                              url: .list(.agreement), saved: SavedFiltersBar(saved: model.saved, list: .agreement, query: model.query(page: 1)),
                              isEmpty: model.page.items.isEmpty,
                              emptyText: text("agreements.none"))
        return frame.page(chrome: chrome, pager: model.page, query: model.query) {
            Filters.choice(AgreementStatus.self, text("agreements.status"), name: "status", prefix: "agreementStatus",
                           selected: model.status, text: text)
            Filters.choice(AgreementKind.self, text("agreements.kind"), name: "kind", prefix: "agreementKind",
                           selected: model.kind, text: text)
        } items: {
            table(model, text: text).view(model.page.items, text: text)
        }
    }

    /// Title, kind, status, signed and valid until; the dates sort newest first.
    static func table(_ model: Model, text: Localizer) -> DataTable<AgreementSummary> {
        DataTable(label: text("agreements.title"), columns: [
            .title(.agreement, text: text),
            .init(label: text("agreements.kind")) { text("agreementKind.\($0.kind.rawValue)") },
            .init(label: text("agreements.status")) { text("agreementStatus.\($0.status.rawValue)") },
            .init(label: text("agreements.signedOn"), sorts: .init(ascending: "signed", descending: "-signed",
                                                                   descendingFirst: true)) {
                $0.signedOn.map(text.day) ?? ""
            },
            .init(label: text("agreements.validUntil"), sorts: .init(ascending: "valid", descending: "-valid",
                                                                     descendingFirst: true)) {
                $0.validUntil.map(text.day) ?? ""
            },
        ], sort: model.sort, sortedBy: model.sorted)
    }
}
