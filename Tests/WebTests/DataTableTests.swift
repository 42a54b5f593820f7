import Domain
import Foundation
import Markup
import Testing
@testable import Web

/// On a phone a list's rows read as cards, each cell under its column's name; a cell the row has nothing for is
/// left out of the card (`class="empty"`), whether the column is words or a link to something the row may lack.
@Suite("Lists as cards on a phone")
struct DataTableTests {
    struct Engagement {
        var title: String
        var place: String
        var visit: String?
    }

    @Test func aCellTheRowHasNothingForIsLeftOutOfItsCard() {
        let table = DataTable<Engagement>(label: "Engagements", columns: [
            .init(label: "Title") { $0.title },
            .init(label: "Place") { $0.place },
            .init(label: "Part of field visit", ifPresent: \.visit) { visit in H.text("a", [("href", "/visits/1")], visit) },
        ])
        let html = table.view([
            Engagement(title: "Workshop with youth councils", place: "Gračanica", visit: "Field visit to Kosovo, August 2023"),
            Engagement(title: "Meeting with the municipal assembly", place: "", visit: nil),
        ], text: Localizer()).render()
        let rows = html.components(separatedBy: "<tr").dropFirst(2)
        #expect(rows.count == 2)
        let inVisit = rows.first ?? "", alone = rows.last ?? ""
        #expect(inVisit.contains(#"<td data-label="Part of field visit">"#) && inVisit.contains("Field visit to Kosovo, August 2023"))
        #expect(!inVisit.contains(#"class="empty""#))
        #expect(alone.contains(#"<td data-label="Part of field visit" class="empty">"#), "\(alone)")
        #expect(alone.contains(#"<td data-label="Place" class="empty">"#))
    }
}
