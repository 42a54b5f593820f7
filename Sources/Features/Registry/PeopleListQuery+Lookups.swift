import Domain
import Foundation
import SQLKit
import Storage

/// Look-ups by identity that the list (and other lists) make in one query each: current roles, names.
extension PeopleListQuery {
    /// "Title · Organisation" for every current position of these people, in one joined query.
    static func currentRoles(of ids: [UUID], today: Day, sql: any SQLDatabase) async throws -> [UUID: [String]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select()
            .column(SQLColumn("person_id", table: PositionModel.schema)).column(SQLColumn("title", table: PositionModel.schema))
            .column(SQLColumn("starts_on", table: PositionModel.schema)).column(SQLColumn("ends_on", table: PositionModel.schema))
            .column(SQLAlias(SQLColumn("name", table: OrganizationModel.schema), as: SQLIdentifier("organization")))
            .from(PositionModel.schema)
            .join(OrganizationModel.schema, on: SQLColumn("id", table: OrganizationModel.schema), .equal, SQLColumn("organization_id", table: PositionModel.schema))
            .where(SQLColumn("person_id", table: PositionModel.schema), .in, SQLBind.group(ids))
            .where(SQLColumn("deleted_at", table: PositionModel.schema), .is, SQLLiteral.null)
            .where(SQLColumn("deleted_at", table: OrganizationModel.schema), .is, SQLLiteral.null)
            .all()
        var roles: [UUID: [String]] = [:]
        for row in rows {
            let span = DaySpan(from: try row.decode(column: "starts_on", as: String?.self).flatMap(Day.init),
                               to: try row.decode(column: "ends_on", as: String?.self).flatMap(Day.init))
            guard span.contains(today) else { continue }
            let person = try row.decode(column: "person_id", as: UUID.self)
            roles[person, default: []].append("\(try row.decode(column: "title", as: String.self)) · \(try row.decode(column: "organization", as: String.self))")
        }
        return roles
    }

    static func names(of table: String, ids: [UUID], sql: any SQLDatabase, column: String = "name") async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().column("id").column(column).from(table).where("id", .in, ids).all()
        var names: [UUID: String] = [:]
        for row in rows { names[try row.decode(column: "id", as: UUID.self)] = try row.decode(column: column, as: String.self) }
        return names
    }
}
