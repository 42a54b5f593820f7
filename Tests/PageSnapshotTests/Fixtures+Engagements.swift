import Domain
import Foundation
@testable import Features
@testable import Web

/// The August 2023 visit and its meetings.
extension Fixtures {
    static let meetingSummary = EngagementSummary(
        id: meetingRef.id, kind: "meeting", kindLabel: nil, title: meetingRef.name, start: "2023-08-07T10:00",
        timeZone: "Europe/Belgrade", startsAt: time(30), place: pristina, venue: "Government building", visit: visitRef,
        confidentiality: .internal, topics: ["minority issues", "human rights"], isDeleted: false)
    static let mayorMeetingSummary = EngagementSummary(
        id: mayorMeetingRef.id, kind: "meeting", kindLabel: nil, title: mayorMeetingRef.name, start: "2023-08-08T11:00",
        timeZone: "Europe/Belgrade", startsAt: time(1530), place: mitrovica, venue: "Town hall", visit: visitRef,
        confidentiality: .public, topics: ["infrastructure"], isDeleted: false)
    static let consortiumSummary = EngagementSummary(
        id: consortiumRef.id, kind: "consortium_assembly", kindLabel: nil, title: consortiumRef.name,
        start: "2023-08-09T09:00", timeZone: "Europe/Belgrade", startsAt: time(2850), place: mitrovica,
        venue: "Community Building Mitrovica", visit: visitRef, confidentiality: .restricted, topics: [], isDeleted: false)
    static let engagementSummaries = [consortiumSummary, mayorMeetingSummary, meetingSummary]

    static let followUp = FollowUpRecord(
        id: id(1201), engagement: meetingRef, text: "Send the draft terms of reference for the working group",
        owner: users[0], dueOn: day("2023-08-09"), status: .open, version: 1)
    static let doneFollowUp = FollowUpRecord(
        id: id(1202), engagement: meetingRef, text: "Share the photos with the Deputy Prime Minister's office",
        owner: nil, dueOn: nil, status: .done, version: 2)

    static let meeting = EngagementRecord(
        summary: meetingSummary, durationMinutes: 90, hosts: [dpmOffice], partners: [],
        participants: [
            ParticipantRecord(person: emilija, part: .host, title: "Deputy Prime Minister for Minority Issues and Human Rights",
                              organization: dpmOffice.name, titleRecorded: false),
            ParticipantRecord(person: kubra, part: .delegation, title: "Associate Director", organization: "ICO",
                              titleRecorded: true),
        ],
        headCounts: [HeadCount(category: "Ministry staff", count: 4)], notes: "Partnership on minority issues agreed.",
        outcomes: "A working group to support local councillors.", decisions: nil, aggregateOnly: false,
        followUps: [followUp, doneFollowUp],
        quotes: [
            QuoteRecord(id: id(1301), speaker: emilija, speakerLabel: nil, text: "Every community must be heard.",
                        language: "en", withheld: false, publication: .publishable),
            QuoteRecord(id: id(1302), speaker: nil, speakerLabel: "A councillor", text: "Në veri na duhet durim.",
                        language: "sq", withheld: true, publication: .withheld),
        ],
        photos: [
            PhotoRecord(id: id(1401), engagement: meetingRef.id, mediaType: "image/jpeg", byteCount: 120_000,
                        caption: "The delegation with the Deputy Prime Minister", credit: "ICO", peopleShown: [emilija, kubra],
                        hasSmallCopy: true),
        ],
        version: 4, createdAt: time(), updatedAt: time(120))

    static let consortium = EngagementRecord(
        summary: consortiumSummary, durationMinutes: nil, hosts: [cbm], partners: [unmik], participants: [],
        headCounts: [HeadCount(category: "community representatives", count: 25, byGender: ["woman": 12, "man": 10],
                               byAge: ["18_24": 4, "25_59": 17], byCommunity: [serbCommunity.id.uuidString.lowercased(): 10]),
                     HeadCount(category: "NGOs", count: 18), HeadCount(category: "leaders", count: 20, atLeast: true)],
        notes: nil, outcomes: nil, decisions: nil, aggregateOnly: true, followUps: [], quotes: [], photos: [], version: 1,
        createdAt: time(), updatedAt: time())

    static let visitSummary = FieldVisitSummary(
        id: visitRef.id, title: visitRef.name, startsOn: day("2023-08-07"), endsOn: day("2023-08-10"), status: .done,
        isDeleted: false)
    static let visit = FieldVisitRecord(
        summary: visitSummary, purpose: "Meet partners in Pristina and Mitrovica.", notes: "Four days in Pristina and Mitrovica.",
        places: [pristina, mitrovica], users: users, people: [james], version: 2)

    static let kinds = [
        KindChoice(key: "meeting", label: nil, builtIn: true),
        KindChoice(key: "open_forum", label: nil, builtIn: true),
        KindChoice(key: "training_of_trainers", label: "Training of trainers", builtIn: false),
    ]

    static let relationship = RelationshipHistory(
        engagements: [meetingSummary], hasMore: false, lastContact: day("2023-08-07"), openFollowUps: [followUp])
}
