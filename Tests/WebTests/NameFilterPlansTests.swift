import Domain
@testable import Features
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import Web

/// A name filter is answered by reading the rows of the few words its lead word begins in name order, by
/// sorting its matches in the name index when they are few, by reading the index in name order when they are
/// many, and by walking the people in name order beside other filters. All must give the same people, in the
/// same order, to the same roles.
@Suite("Name filter: both ways of answering agree")
struct NameFilterPlansTests {
    @Test(arguments: [Role.officer, .coordinator])
    func bothPlansGiveTheSamePages(role: Role) async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            let people = People(database: app.db)
            for (index, first) in ["Arben", "Besa", "Dren", "Era", "Fatos", "Gresa", "Hana"].enumerated() {
                var input = PersonInput(name: "\(first) Krasniqi")
                input.otherNames = index == 2 ? ["Дрен Красники", "Dren Krasniqi-Gashi"] : []
                input.sensitivity = index == 4 ? "restricted" : "normal"
                _ = try await people.create(input, by: .commandLine)
            }
            // "krasn" begins three words (krasniqi, krasniki from the Cyrillic, krasniqaj); Dren holds two of them.
            _ = try await people.create(PersonInput(name: "Ilir Krasniqaj"), by: .commandLine)
            let user = try await app.addUser("someone@ico.example", role: role)
            let actor = Actor.user(user)
            let sql = try #require(app.db as? any SQLDatabase)
            let visible = role == .officer ? 6 : 7
            for (text, sort) in [("krasniqi", SortOrder.name), ("krasniqi", .nameDescending), ("krasn", .name), ("krasn", .nameDescending)] {
                let visible = visible + (text == "krasn" ? 1 : 0)
                var names: [String] = []
                for page in 1...3 {
                    var query = People.Query()
                    query.text = text
                    query.sort = sort
                    query.perPage = 3
                    query.page = page
                    let list = PeopleListQuery(sql: sql, query: query, actor: actor)
                    let counted = try await list.countFromIndex()
                    #expect(counted == visible)
                    let offset = (page - 1) * 3
                    let fromIndex = list.listPage(try await list.people(list.sortedPage(offset: offset)), counted: counted)
                    let inNameOrder = list.listPage(try await list.people(list.pageInNameOrder(offset: offset)), counted: counted)
                    let walking = try await list.pageFromPeople(scanInNameOrder: true, counted: counted)
                    let chosen = try await list.page()
                    let leadWords = try await list.leadWords()
                    #expect(leadWords == (text == "krasn" ? ["krasniki", "krasniqaj", "krasniqi"] : ["krasniqi"]))
                    let inWordOrder = list.listPage(try await list.people(list.pageInWordOrder(leadWords, offset: offset)), counted: counted)
                    let chosenOtherwise = try await PeopleListQuery(sql: sql, query: query, actor: actor, mergeableWords: 0).page()
                    #expect(inWordOrder.items.map(\.id) == walking.items.map(\.id), "page \(page), \(text), \(sort)")
                    #expect(inWordOrder.hasMore == walking.hasMore, "page \(page), \(text), \(sort)")
                    #expect(chosenOtherwise.items.map(\.id) == walking.items.map(\.id) && chosenOtherwise.total == walking.total)
                    #expect(fromIndex.items.map(\.id) == walking.items.map(\.id), "page \(page), \(sort)")
                    #expect(inNameOrder.items.map(\.id) == walking.items.map(\.id), "page \(page), \(sort)")
                    #expect(chosen.items.map(\.id) == walking.items.map(\.id), "page \(page), \(sort)")
                    #expect(fromIndex.hasMore == walking.hasMore && fromIndex.total == walking.total)
                    #expect(inNameOrder.hasMore == walking.hasMore && chosen.hasMore == walking.hasMore && chosen.total == walking.total)
                    names += fromIndex.items.map(\.name)
                }
                #expect(names.count == visible)
                #expect(Set(names).count == visible, "nobody twice, though Dren has three matching names")
                #expect(names.contains("Fatos Krasniqi") == (role == .coordinator))
                #expect(names.contains("Ilir Krasniqaj") == (text == "krasn"))
                let sorted = names.sorted { NameFolding.fold($0) < NameFolding.fold($1) }
                #expect(names == (sort == .name ? sorted : sorted.reversed()))
            }
            for text in ["krasniqi dren", "дрен красн", "gashi"] {
                var query = People.Query()
                query.text = text
                let list = PeopleListQuery(sql: sql, query: query, actor: actor)
                let counted = try await list.countFromIndex()
                #expect(counted == 1, "\(text)")
                #expect(try await list.people(list.sortedPage(offset: 0)).items.map(\.name) == ["Dren Krasniqi"])
                #expect(try await list.people(list.pageInNameOrder(offset: 0)).items.map(\.name) == ["Dren Krasniqi"])
                #expect(try await list.page().items.map(\.name) == ["Dren Krasniqi"])
                #expect(try await list.people(list.pageInWordOrder(list.leadWords(), offset: 0)).items.map(\.name) == ["Dren Krasniqi"])
                #expect(try await list.pageFromPeople(scanInNameOrder: true, counted: counted).items.map(\.name) == ["Dren Krasniqi"])
            }
        }
    }
}
