import Domain
import FluentKit
import Foundation
import Storage

/// The seed's agreement: the partnership on minority issues and human rights that the Secretary General
/// and the Deputy Prime Minister signed at their meeting in Pristina on 7 August 2023, and the working group
/// it starts to support local councillors in the self-governance process, and the group's two draft
/// recommendations with the forums, meetings and context they rest on.
struct DemoAgreements {
    let database: any Database
    let actor = Actor.commandLine

    func alreadyLoaded() async throws -> Bool {
        try await AgreementModel.query(on: database).count() > 0
    }

    func load(now: Date) async throws {
        let names = DemoNames(database: database)
        let people = try await names.people()
        let orgs = try await names.organizations()
        var partnership = AgreementInput(kind: AgreementKind.partnership.rawValue,
                                         title: "Partnership on minority issues and human rights")
        partnership.focus = "Minority issues and human rights; inclusion of non-majority communities in local self-governance"
        partnership.topics = ["minority rights", "human rights", "local self-governance"]
        partnership.signedOn = "2023-08-07"
        partnership.status = AgreementStatus.signed.rawValue
        partnership.confidentiality = Confidentiality.public.rawValue
        partnership.notes = "Starts a working group to support local councillors in the self-governance process."
        partnership.parties = [
            orgs[DemoRegistry.marker].map { AgreementPartyInput(organizationID: $0, part: PartyPart.signatory.rawValue) },
            orgs["Office of the Deputy Prime Minister for Minority Issues and Human Rights"].map { AgreementPartyInput(organizationID: $0, part: PartyPart.signatory.rawValue) },
            people["James Holmes"].map { AgreementPartyInput(personID: $0, part: PartyPart.signatory.rawValue) },
            people["Emilija Redžepi"].map { AgreementPartyInput(personID: $0, part: PartyPart.signatory.rawValue) },
            people["Kübra Kalkandelen"].map { AgreementPartyInput(personID: $0, part: PartyPart.witness.rawValue) },
        ].compactMap { $0 }
        let agreements = Agreements(database: database)
        let agreement = try await agreements.create(partnership, by: actor, now: now)
        if let meeting = try await EngagementModel.query(on: database)
            .filter(\.$title == "Meeting with the Deputy Prime Minister for Minority Issues and Human Rights").first() {
            try await agreements.link(engagement: meeting.id!, to: agreement.id, as: .signed, by: actor, now: now)
        }

        var group = WorkingGroupInput(name: "Working group on local self-governance")
        group.purpose = "Support local councillors from non-majority communities in the self-governance process: training, a network, and recommendations to the ministry."
        group.agreementID = agreement.id
        group.confidentiality = Confidentiality.public.rawValue
        group.members = [
            people["Emilija Redžepi"].map { MemberInput(personID: $0, part: MemberPart.chair.rawValue, startsOn: "2023-09-01") },
            people["Kübra Kalkandelen"].map { MemberInput(personID: $0, part: MemberPart.secretariat.rawValue, startsOn: "2023-09-01") },
            people["Bedri Hamza"].map { MemberInput(personID: $0, part: MemberPart.member.rawValue, startsOn: "2023-09-01") },
            people["Valdete Idrizi"].map { MemberInput(personID: $0, part: MemberPart.member.rawValue, startsOn: "2023-09-01") },
            people["James Holmes"].map { MemberInput(personID: $0, part: MemberPart.adviser.rawValue, startsOn: "2023-09-01", endsOn: "2023-12-31") },
        ].compactMap { $0 }
        let groups = WorkingGroups(database: database)
        let created = try await groups.create(group, by: actor, now: now)
        var owed = DeliverableInput(title: "Recommendations on including non-majority communities in municipal assemblies",
                                    kind: DeliverableKind.recommendation.rawValue, dueOn: "2024-03-31")
        owed.status = DeliverableStatus.inProgress.rawValue
        _ = try await groups.addDeliverable(owed, to: created.id, by: actor, now: now)
        _ = try await groups.addDeliverable(DeliverableInput(title: "Training plan for newly elected councillors", kind: DeliverableKind.plan.rawValue,
                                                             dueOn: "2023-12-15"), to: created.id, by: actor, now: now)
        let engagements = try await names.ids(EngagementModel.self, by: \.title)
        let context = try await names.ids(ContextEventModel.self, by: \.title)
        let recommendations = Recommendations(database: database)

        let seats = recommendation("Guarantee non-majority communities a voice in the committees of municipal assemblies in the north",
                                   .municipal, statusOn: "2023-10-02", group: created.id, .internal,
                                   targets: [orgs["Municipality of North Mitrovica"], orgs["Office of the Deputy Prime Minister for Minority Issues and Human Rights"]],
                                   events: [context["Boycott of the local elections in the four northern municipalities"]],
                                   "Municipal assemblies in North Mitrovica, Zvečan, Zubin Potok and Leposavić should keep the committee on communities "
                                       + "working and consult it before decisions on public spaces, whoever holds the mayor's office.")
        let first = try await recommendations.create(seats, by: actor, now: now)
        for title in ["Open forum on living together in Mitrovica", "Consortium assembly at Community Building Mitrovica"] {
            if let id = engagements[title] { try await recommendations.addEvidence(engagement: id, to: first.id, by: actor, now: now) }
        }

        let training = recommendation("Train newly elected councillors from all communities together", .ministerial, statusOn: "2023-10-16",
                                      group: created.id, .public,
                                      targets: [orgs["Office of the Deputy Prime Minister for Minority Issues and Human Rights"], orgs["Municipality of Mitrovica South"]],
                                      "A joint induction for councillors elected in 2023, in Albanian and Serbian, run with the municipalities and the consortium.")
        let second = try await recommendations.create(training, by: actor, now: now)
        if let id = engagements["Meeting with the Mayor of Mitrovica South"] { try await recommendations.addEvidence(engagement: id, to: second.id, by: actor, now: now) }
    }

    /// A recommendation the working group is drafting, to whom, on what evidence of the context.
    private func recommendation(_ title: String, _ level: GovernanceLevel, statusOn: String, group: UUID, _ confidentiality: Confidentiality,
                                targets: [UUID?], events: [UUID?] = [], _ text: String) -> RecommendationInput {
        var input = RecommendationInput(title: title)
        input.text = text
        input.level = level.rawValue
        input.status = RecommendationStatus.drafting.rawValue
        input.statusOn = statusOn
        input.workingGroupID = group
        input.confidentiality = confidentiality.rawValue
        input.targetIDs = targets.compactMap { $0 }
        input.contextEventIDs = events.compactMap { $0 }
        return input
    }
}
