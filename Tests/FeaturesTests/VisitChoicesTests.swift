import Domain
@testable import Features
import FluentKit
import Foundation
import Testing

/// The "part of visit" menu the people list offers on every page: the latest visits first, a deleted one
/// gone, on either database (a fixed statement, prepared once on PostgreSQL).
@Suite("The visits menu")
struct VisitChoicesTests {
    @Test func theLatestVisitComesFirstAndADeletedOneIsGone() async throws {
        try await withDatabase { db in
            let visits = FieldVisits(database: db)
            // Made out of their order; two visits on one day come in the order of their identities.
            _ = try await visits.create(FieldVisitInput(title: "May visit", startsOn: "2023-05-10", endsOn: "2023-05-11"), by: .commandLine)
            let june = try await visits.create(FieldVisitInput(title: "June visit", startsOn: "2023-06-04", endsOn: "2023-06-06"), by: .commandLine)
            let march = try await visits.create(FieldVisitInput(title: "March visit", startsOn: "2023-03-01", endsOn: "2023-03-02"), by: .commandLine)
            let juneAgain = try await visits.create(FieldVisitInput(title: "June visit, second team", startsOn: "2023-06-04", endsOn: "2023-06-05"), by: .commandLine)
            let sameDay = [june, juneAgain].sorted { $0.id.uuidString < $1.id.uuidString }.map(\.label)
            for _ in 1 ... 6 {
                #expect(try await visits.choices(by: .officer).map(\.name)
                    == sameDay.map { "\($0) (4 June 2023)" } + ["May visit (10 May 2023)", "March visit (1 March 2023)"])
            }
            try await visits.delete(march.id, expectedVersion: march.version, by: .commandLine)
            let left = try await visits.choices(by: .officer)
            #expect(left.map(\.name) == sameDay.map { "\($0) (4 June 2023)" } + ["May visit (10 May 2023)"])
            #expect(Set(left.prefix(2).map(\.id)) == [june.id, juneAgain.id])
        }
    }
}
