import Domain
import FluentKit
import Foundation
import Storage

/// How the team judged its stakeholders before and after the August 2023 visit: the Deputy Prime
/// Minister moved towards the work once the partnership was signed; the Mayor of Mitrovica South stayed a
/// firm supporter; the Council of Europe Office, a quiet ally, grew more interested.
struct DemoStakeholders {
    let database: any Database
    let actor = Actor.commandLine

    func alreadyLoaded() async throws -> Bool {
        try await StakeholderAssessmentModel.query(on: database).count() > 0
    }

    func load(now: Date) async throws {
        let names = DemoNames(database: database)
        let people = try await names.people()
        let organizations = try await names.organizations()
        let assessments = Assessments(database: database)
        func assess(person: String? = nil, organization: String? = nil, _ day: String, _ influence: Int, _ interest: Int, _ stance: StakeholderStance,
                    _ notes: String) async throws {
            let input = AssessmentInput(assessedOn: day, influence: String(influence), interest: String(interest), stance: stance.rawValue, notes: notes)
            _ = try await assessments.add(input, person: person.flatMap { people[$0] }, organization: organization.flatMap { organizations[$0] }, by: actor, now: now)
        }
        try await assess(person: "Emilija Redžepi", "2023-02-15", 5, 3, .neutral, "Open to meeting; minority rights are her portfolio, but no commitment yet.")
        try await assess(person: "Emilija Redžepi", "2023-08-10", 5, 5, .supports, "Signed the partnership and will chair the working group.")
        try await assess(person: "Bedri Hamza", "2023-02-16", 4, 4, .leansTowards, "Interested in infrastructure that joins both sides of the river.")
        try await assess(person: "Bedri Hamza", "2023-08-10", 4, 5, .supports, "Offered the town hall for the next forum.")
        try await assess(organization: "Council of Europe Office in Pristina", "2023-03-01", 3, 2, .leansTowards, "Works on local self-governance in parallel.")
        try await assess(organization: "Council of Europe Office in Pristina", "2023-09-01", 3, 4, .supports, "Agreed to align the councillors' training.")
        try await assess(organization: "Community Building Mitrovica", "2023-08-10", 2, 5, .supports, "Our partner for the open forums.")
    }
}
