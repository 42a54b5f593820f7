import Domain
import Foundation
import SQLKit
import Storage

extension Engagements {
    /// The day of the last engagement each of these people took part in, up to today, among the engagements
    /// the actor may see (a restricted meeting must not show through a list's "last contact").
    ///
    /// One query: for each person, their participations are read newest first from the index on
    /// (person, start) and the first whose engagement is live and visible answers — usually the first.
    public func lastContact(with people: [UUID], today: Day, by actor: Actor) async throws -> [UUID: Day] {
        guard !people.isEmpty else { return [:] }
        // `local_start` is `YYYY-MM-DDTHH:MM`: every start on today sorts before today's "T99".
        let rows = try await sql.raw("""
            SELECT \(ident: "x").\(ident: "id") AS \(ident: "person_id"), (SELECT \(ident: "p").\(ident: "local_start") \
            FROM \(ident: ParticipationModel.schema) AS \(ident: "p") \
            JOIN \(ident: EngagementModel.schema) AS \(ident: "e") ON \(ident: "e").\(ident: "id") = \(ident: "p").\(ident: "engagement_id") \
            WHERE \(ident: "p").\(ident: "person_id") = \(ident: "x").\(ident: "id") \
            AND \(ident: "p").\(ident: "local_start") < \(bind: today.description + "T99") \
            AND \(VisibleConfidentialRow(in: "e", to: actor)) \
            ORDER BY \(ident: "p").\(ident: "local_start") DESC LIMIT 1) AS \(ident: "last_start") \
            FROM \(ident: PersonModel.schema) AS \(ident: "x") WHERE \(SQLAnyOf(SQLColumn("id", table: "x"), Array(Set(people))))
            """).allPrepared()
        var days: [UUID: Day] = [:]
        for row in rows {
            guard let start = try row.decode(column: "last_start", as: String?.self) else { continue }
            days[try row.decode(column: "person_id", as: UUID.self)] = Day(String(start.prefix(10)))
        }
        return days
    }
}
