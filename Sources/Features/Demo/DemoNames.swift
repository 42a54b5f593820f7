import Domain
import FluentKit
import Foundation
import Storage

/// The demo's builders refer to what an earlier builder wrote by its name (a person, an organisation, a
/// place, an engagement's title), so each reads the names it needs into a dictionary once. Written here
/// once so every builder reads them alike: when two records share a name, the first one read wins.
struct DemoNames {
    let database: any Database

    func ids<M: FluentKit.Model>(_ model: M.Type, by name: KeyPath<M, String>) async throws -> [String: UUID]
    where M.IDValue == UUID {
        let pairs = try await M.query(on: database).all().map { ($0[keyPath: name], $0.id!) }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }

    func people() async throws -> [String: UUID] { try await ids(PersonModel.self, by: \.name) }

    func organizations() async throws -> [String: UUID] { try await ids(OrganizationModel.self, by: \.name) }

    /// A place by the English name the seed writes, found the way places are sorted (folded).
    func places() async throws -> @Sendable (String) -> UUID? {
        let places = try await ids(PlaceModel.self, by: \.sortName)
        return { english in places[NameFolding.fold(english)] }
    }
}
