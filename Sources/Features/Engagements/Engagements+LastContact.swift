import Domain
import Foundation
import SQLKit
import Storage

extension Engagements {
    /// The day of the last engagement each of these people took part in, up to today, among the engagements
    /// the actor may see (a restricted meeting must not show through a list's "last contact"). One query.
    public func lastContact(with people: [UUID], today: Day, by actor: Actor) async throws -> [UUID: Day] {
        guard !people.isEmpty else { return [:] }
        let person = SQLColumn("person_id", table: ParticipationModel.schema)
        let start = SQLColumn("local_start", table: EngagementModel.schema)
        let rows = try await visible(sql.select(), to: actor)
            .column(person)
            .column(SQLAlias(SQLFunction("max", args: start), as: SQLIdentifier("last_start")))
            .join(ParticipationModel.schema, on: SQLColumn("engagement_id", table: ParticipationModel.schema), .equal,
                  SQLColumn("id", table: EngagementModel.schema))
            .where(person, .in, SQLBind.group(Array(Set(people))))
            // `local_start` is `YYYY-MM-DDTHH:MM`: every start on today sorts before today's "T99".
            .where(start, .lessThan, SQLBind(today.description + "T99"))
            .groupBy(person)
            .all()
        var days: [UUID: Day] = [:]
        for row in rows {
            let start = try row.decode(column: "last_start", as: String.self)
            days[try row.decode(column: "person_id", as: UUID.self)] = Day(String(start.prefix(10)))
        }
        return days
    }
}
