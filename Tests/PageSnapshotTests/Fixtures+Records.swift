import Domain
import Foundation
@testable import Features
@testable import Web

/// Agreements, working groups, recommendations, context events and other actors' activities.
extension Fixtures {
    static let agreementSummary = AgreementSummary(
        id: agreementRef.id, kind: .partnership, title: agreementRef.name, status: .signed, signedOn: day("2023-08-07"),
        validUntil: day("2025-08-06"), confidentiality: .internal, isDeleted: false)
    static let agreement = AgreementRecord(
        summary: agreementSummary, focus: "minority issues and human rights", topics: ["minority rights", "local self-governance"],
        notes: "Signed at the meeting in Pristina.",
        parties: [AgreementParty(organization: dpmOffice, person: nil, part: .signatory),
                  AgreementParty(organization: nil, person: emilija, part: .signatory)],
        statusHistory: [AgreementStatusStep(status: .draft, effectiveOn: day("2023-02-20")),
                        AgreementStatusStep(status: .signed, effectiveOn: day("2023-08-07"))],
        engagements: [AgreementEngagement(engagement: meetingRef, day: "2023-08-07", link: .signed)], version: 3)
    static let document = AgreementDocument(id: id(1501), title: "Signed partnership", byteCount: 245_760, addedAt: time(60))

    static let groupSummary = WorkingGroupSummary(
        id: groupRef.id, name: groupRef.name, agreement: agreementRef, confidentiality: .internal, isDeleted: false)
    static let group = WorkingGroupRecord(
        summary: groupSummary, purpose: "Support local councillors in self-governance.",
        members: [WorkingGroupMember(person: emilija, part: .chair, period: DaySpan(from: day("2023-08-07"), to: nil)),
                  WorkingGroupMember(person: kubra, part: .secretariat, period: DaySpan(from: nil, to: nil)),
                  WorkingGroupMember(person: bedri, part: .member,
                                     period: DaySpan(from: day("2023-08-08"), to: day("2023-08-09")))],
        meetings: [meetingSummary],
        deliverables: [Deliverable(id: id(1601), title: "Terms of reference", kind: .plan, dueOn: day("2023-08-09"),
                                   status: .inProgress, version: 1),
                       Deliverable(id: id(1602), title: "Policy recommendations", kind: .recommendation,
                                   dueOn: day("2023-12-31"), status: .planned, version: 1)],
        version: 2)

    static let recommendationSummary = RecommendationSummary(
        id: recommendationRef.id, title: recommendationRef.name, status: .submitted, level: .municipal,
        confidentiality: .internal, isDeleted: false)
    static let recommendation = RecommendationRecord(
        summary: recommendationSummary, text: "Train newly elected councillors in the north on municipal procedure.",
        targets: [mitrovicaSouth], workingGroup: groupRef,
        statusHistory: [RecommendationStep(status: .idea, effectiveOn: day("2023-08-07")),
                        RecommendationStep(status: .submitted, effectiveOn: day("2023-09-15"))],
        engagements: [consortiumSummary], contextEvents: [boycottSummary], version: 2)

    static let boycottSummary = ContextEventSummary(
        id: id(1701), title: "Boycott of local elections in the north", kind: .boycott, severity: .high,
        period: EventPeriod(startsOn: day("2023-04-23"), endsOn: nil)!, confidentiality: .public, places: [mitrovica, zvecan],
        isDeleted: false)
    static let clashesSummary = ContextEventSummary(
        id: id(1702), title: "Clashes between KFOR and protesters in Zvečan", kind: .clash, severity: .critical,
        period: EventPeriod(startsOn: day("2023-05-29"), endsOn: day("2023-05-30"))!, confidentiality: .public,
        places: [zvecan], isDeleted: false)
    static let boycott = ContextEventRecord(
        summary: boycottSummary, description: "Serb parties boycotted the extraordinary local elections.",
        sourceURL: "https://example.org/news/boycott", version: 1)

    static let activity = CoordinationRecord(
        id: id(1801), organization: councilOfEurope, theme: "Minority rights", period: DaySpan(from: day("2023-01-01"), to: nil),
        places: [mitrovica, zvecan], contact: frank, notes: "Training for municipal officers.", isDeleted: false, version: 1)
    static let unmikActivity = CoordinationRecord(
        id: id(1802), organization: unmik, theme: "Rule of law", period: DaySpan(from: nil, to: nil), places: [],
        contact: nil, notes: nil, isDeleted: false, version: 1)
    static let matrix = CoordinationMatrix(
        themes: ["Minority rights", "Rule of law"], actors: [councilOfEurope, unmik],
        cells: [councilOfEurope.id: ["Minority rights": [activity]], unmik.id: ["Rule of law": [unmikActivity]]])
}
