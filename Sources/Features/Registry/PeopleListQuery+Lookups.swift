import Domain
import Foundation
import SQLKit
import Storage

/// Look-ups by identity that the list (and other lists) make in one query each: current roles, names.
extension PeopleListQuery {
    /// "Title · Organisation" for every current position of these people, in one joined query.
    static func currentRoles(of ids: [UUID], today: Day, sql: any SQLDatabase) async throws -> [UUID: [String]] {
        var roles: [UUID: [String]] = [:]
        for (person, held) in try await Positions.held(by: ids, liveOrganizationsOnly: true, sql: sql)
        where held.span.contains(today) {
            roles[person, default: []].append("\(held.title) · \(held.organization)")
        }
        return roles
    }

    static func names(of table: String, ids: [UUID], sql: any SQLDatabase, column: String = "name") async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().column("id").column(column).from(table).where(SQLAnyOf(SQLColumn("id"), ids)).allPrepared()
        var names: [UUID: String] = [:]
        for row in rows { names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: column, as: String.self) }
        return names
    }
}
