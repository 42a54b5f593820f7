@testable import Domain
import Foundation
@testable import Features
@testable import Web

/// Reports, the public update, stakeholders and the relationship network.
extension Fixtures {
    static var periodReport: PeriodReport {
        var now = PeriodFigures(period: ReportPeriod(from: day("2023-01-01"), to: day("2023-12-31"))!)
        now.engagements = 3
        now.byKind = ["meeting": 2, "consortium_assembly": 1]
        now.byMonth = ["2023-08": 3]
        now.byMunicipality = ["Mitrovicë/Mitrovica": 2, "Prishtinë/Priština": 1]
        now.namedPeople = 4
        now.counted = 63
        now.countedAtLeast = true
        now.peopleByLevel = ["ministerial": 1, "municipal": 1, "": 2]
        now.organizationsByLevel = ["ministerial": 1, "municipal": 1, "grassroots": 1]
        now.communities.named = ["Bosniak": 1, "Albanian": 1]
        now.communities.counted = ["Kosovo Serb": 12, "": 51]
        now.byGender = .init(named: ["woman": 2, "man": 1, "not_recorded": 1], counted: ["woman": 12, "man": 10, "not_recorded": 41])
        now.byAge = .init(named: ["not_recorded": 4], counted: ["18_24": 4, "25_59": 17, "not_recorded": 42])
        now.communities.nonMajorityNamed = 1
        now.communities.knownNamed = 2
        now.agreementsSigned = [agreementSummary]
        now.recommendationsByStatus = ["submitted": 1]
        now.followUps = PeriodFigures.Follow(total: 2, done: 1, open: 1, overdue: 1, dropped: 0)
        var before = PeriodFigures(period: ReportPeriod(from: day("2022-01-01"), to: day("2022-12-31"))!)
        before.engagements = 1
        before.byMonth = ["2022-11": 1]
        before.namedPeople = 2
        before.byGender.named = ["woman": 1, "not_recorded": 1]
        before.byAge.named = ["not_recorded": 2]
        return PeriodReport(current: now, previous: before, place: nil, kindLabels: [:])
    }

    static var periodFilter: PeriodFilter {
        PeriodFilter(from: "2023-01-01", to: "2023-12-31", placeID: "", places: places)
    }

    static let visitReport = VisitReport(
        visit: visit, engagements: [meeting, consortium], agreements: [agreementSummary], workingGroups: [groupSummary],
        context: [boycottSummary],
        narrative: VisitReportNarrative(introduction: "The second field visit of 2023.\n\nFour days, three meetings.",
                                        conclusions: "The north needs patience.", nextSteps: nil, version: 2))

    static var drafted: String {
        let text = Snapshot.text
        return text("report.drafted", text.day(Day(year: 2023, month: 8, day: 12)!),
                    "Kübra Kalkandelen (" + text("role.coordinator") + ")")
    }

    /// The update with one problem (the mayor has not agreed to be named) and one quote to leave out.
    static var publicUpdate: PublicUpdate {
        let mention = PublicationCheck.Mention(person: bedri.id, name: bedri.name, decision: .init(.name),
                                               uses: [.named: .unknown, .shown: .yes])
        let problem = PublicationCheck.Problem(person: bedri.id, use: .named, reason: .noConsent, answer: .unknown,
                                               place: "Meeting with the Mayor of Mitrovica South (2023-08-08)", item: nil)
        return PublicUpdate(
            visit: visit, text: PublicUpdateText(headline: "ICO in Kosovo, August 2023", lead: "A week of meetings.", version: 1),
            delegation: ["Kübra Kalkandelen", "James Holmes"],
            sections: [PublicUpdate.Section(
                engagement: mayorMeetingSummary, participants: [.init(name: bedri.name, title: "Mayor of Mitrovica South")],
                counts: [PublicUpdate.published(HeadCount(category: "community representatives", count: 25, byGender: ["woman": 12, "man": 13],
                                                          byCommunity: ["Albanian": 20, "Serb": 2]), communities: [:], rule: SmallNumbers())],
                summary: "Infrastructure that bridges communities.", outcomes: nil,
                quotes: [.init(text: "Bridges, not walls.", language: "en", attribution: "Bedri Hamza")], photos: [])],
            agreements: [PublicUpdate.AgreementLine(summary: agreementSummary, focus: "minority issues and human rights",
                                                    parties: ["Office of the Deputy Prime Minister"])],
            context: [boycottSummary],
            check: PublicationCheck.Result(mentions: [mention], problems: [problem], restrictedLeftOut: 1, quotesWithheld: 0),
            subjects: [bedri.id: PublicationCheck.Subject(id: bedri.id, name: bedri.name, restricted: false, named: .unknown,
                                                          quoted: .yes, photographed: .yes)],
            quoteChoices: [PublicUpdate.Choice(id: id(1303), label: "Bridges, not walls.", place: "Meeting with the Mayor",
                                               leftOut: false)],
            photoChoices: [], smallNumbers: SmallNumbers())
    }

    static let network = RelationshipNetwork(
        nodes: [.init(id: emilija.id, name: emilija.name, isPerson: true, step: 0),
                .init(id: dpmOffice.id, name: dpmOffice.name, isPerson: false, step: 1),
                .init(id: kubra.id, name: kubra.name, isPerson: true, step: 1),
                .init(id: government.id, name: government.name, isPerson: false, step: 2)],
        edges: [.init(from: emilija.id, to: dpmOffice.id, engagements: 1, positions: ["Deputy Prime Minister"], agreements: 1,
                      groups: 0),
                .init(from: emilija.id, to: kubra.id, engagements: 1, positions: [], agreements: 0, groups: 1),
                .init(from: dpmOffice.id, to: government.id, engagements: 0, positions: [], agreements: 1, groups: 0)])

    static let assessments = [
        AssessmentRecord(id: id(1901), assessedOn: day("2023-08-07"),
                         scores: StakeholderScores(influence: 5, interest: 4, stance: .supports), notes: "After the signing.",
                         assessedBy: "Kübra Kalkandelen", createdAt: time(60)),
        AssessmentRecord(id: id(1902), assessedOn: day("2023-02-20"),
                         scores: StakeholderScores(influence: 5, interest: 3, stance: .neutral), notes: nil,
                         assessedBy: "Kübra Kalkandelen", createdAt: time(-60)),
    ]

    static let grid = [
        StakeholderGridEntry(subject: .person(emilija), latest: assessments[0], previous: assessments[1]),
        StakeholderGridEntry(subject: .organization(councilOfEurope),
                             latest: AssessmentRecord(id: id(1903), assessedOn: day("2023-08-10"),
                                                      scores: StakeholderScores(influence: 3, interest: 4, stance: .leansTowards),
                                                      notes: nil, assessedBy: "James Holmes", createdAt: time(90)),
                             previous: nil),
    ]
}
