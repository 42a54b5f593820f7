import Domain
import Features
import Foundation
import Markup

/// A list page whose table sorts by its columns: a page's query keeps the order chosen, and a column's
/// heading links the list sorted its way, its filters kept, from the first page.
protocol SortedListModel {
    /// The list's own address.
    static var address: SiteURL { get }
    /// The order as chosen, or empty for the list's own order.
    var sort: String { get }
    func query(page: Int, sort: String) -> String
}

extension SortedListModel {
    func query(page: Int) -> String { query(page: page, sort: sort) }

    func sorted(_ sort: String) -> String { Self.address.path + "?" + query(page: 1, sort: sort) }
}

/// A record listed by its title, which may be restricted or deleted (agreements, context events,
/// recommendations).
protocol TitledRecord {
    var id: UUID { get }
    var title: String { get }
    var confidentiality: Confidentiality { get }
    var isDeleted: Bool { get }
}

extension AgreementSummary: TitledRecord {}
extension ContextEventSummary: TitledRecord {}
extension RecommendationSummary: TitledRecord {}

extension DataTable.Column where Row: TitledRecord {
    /// The title, linked to the record's page, with its restricted and deleted badges; sorts A to Z first.
    static func title(_ resource: Resource, text: Localizer) -> Self {
        .init(label: text("field.title"), sorts: .init(ascending: "title", descending: "-title")) { item in
            H.group {
                H.link(item.title, to: .record(resource, item.id))
                Badges.of(restricted: item.confidentiality == .restricted, deleted: item.isDeleted, text: text)
            }
        }
    }
}
