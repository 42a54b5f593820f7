import Domain
import Foundation
import Testing
@testable import Features
@testable import Web

@Suite("Snapshots: engagements, visits, follow-ups, kinds", .inEveryLanguage)
struct EngagementPageSnapshotTests {
    typealias F = Fixtures

    @Test func engagementsIndex() {
        let model = EngagementsIndexPage.Model(
            sort: "", page: F.page(F.engagementSummaries), context: [F.clashesSummary, F.boycottSummary], kind: "", kinds: F.kinds,
            topic: "", from: "2023-01-01", to: "", placeID: "", places: F.places, canWrite: true)
        Snapshot.page("items", current: .list(.engagement)) { EngagementsIndexPage.view(model, chrome: $0) }
        var empty = EngagementsIndexPage.Model(sort: "date", page: F.page([EngagementSummary]()), kind: "meeting", kinds: F.kinds,
                                               topic: "", from: "2023-13-01", to: "", placeID: "", places: F.places,
                                               canWrite: false)
        empty.errors = F.errors([FieldIssue(field: "from", "date.invalid")])
        Snapshot.page("empty", role: .viewer, current: .list(.engagement)) { EngagementsIndexPage.view(empty, chrome: $0) }
    }

    @Test func engagementPage() {
        let model = EngagementPage.Model(
            record: F.meeting, today: F.today, canWrite: true, canRestore: true, users: F.users,
            agreements: [.init(agreement: F.agreementRef, link: .signed)], agreementChoices: [F.agreementRef],
            groups: [F.groupRef], groupChoices: [F.groupRef, RecordRef(id: F.id(902), name: "Media working group")],
            recommendations: [], recommendationChoices: [F.recommendationRef])
        Snapshot.page("coordinator", current: .list(.engagement)) { EngagementPage.view(model, chrome: $0) }
        var attempt = model
        attempt.attempt = .init(form: .quote, values: ["text": "We need patience.", "speaker": "Someone"],
                                errors: F.errors([FieldIssue(field: "speaker", "engagement.participantUnknown", "Someone")]))
        Snapshot.page("quote-errors", current: .list(.engagement)) { EngagementPage.view(attempt, chrome: $0) }
        let reader = EngagementPage.Model(record: F.consortium, today: F.today, canWrite: false, canRestore: false, users: [],
                                          communityNames: [F.serbCommunity.id.uuidString.lowercased(): F.serbCommunity.name])
        Snapshot.page("viewer", role: .viewer, current: .list(.engagement)) { EngagementPage.view(reader, chrome: $0) }
    }

    @Test func engagementForm() {
        let communities = [F.serbCommunity, RecordRef(id: F.id(402), name: "Bosniak")]
        let new = EngagementFormPage.Model(places: F.places, visits: [F.visitRef], users: F.users, kinds: F.kinds,
                                           canWriteRestricted: false, communities: communities)
        Snapshot.page("new", role: .officer, current: .list(.engagement)) { EngagementFormPage.view(new, chrome: $0) }
        var invalid = new
        invalid.values.title = ""
        invalid.values.participants = "Bedri Hamza (Mayor)"
        invalid.errors = F.errors([FieldIssue(field: "title", "field.required"), FieldIssue(field: "start", "field.required"),
                                   FieldIssue(field: "participants", "engagement.participantUnknown", "Bedri Hamza (Mayor)")])
        Snapshot.page("errors", role: .officer, current: .list(.engagement)) { EngagementFormPage.view(invalid, chrome: $0) }
        let conflict = EngagementFormPage.Model(existing: F.meeting, values: .init(F.meeting, text: Snapshot.text), conflict: F.meeting,
                                                places: F.places, visits: [F.visitRef], users: F.users, kinds: F.kinds,
                                                canWriteRestricted: true)
        Snapshot.page("conflict", current: .list(.engagement)) { EngagementFormPage.view(conflict, chrome: $0) }
        // An aggregate-only assembly on edit: every recorded line with its breakdowns, one of them wrong as typed.
        var counts = EngagementFormPage.Model(existing: F.consortium, values: .init(F.consortium, text: Snapshot.text),
                                              places: F.places, visits: [F.visitRef], users: F.users, kinds: F.kinds,
                                              canWriteRestricted: false, communities: communities)
        counts.values.headCounts[1].gender = ["woman": "12", "man": "9"]
        counts.errors = F.errors([FieldIssue(field: "headCounts/1/byGender", "headCount.breakdownOver", "21", "18")])
        Snapshot.page("head-counts", role: .officer, current: .list(.engagement)) { EngagementFormPage.view(counts, chrome: $0) }
    }

    @Test func followUps() {
        Snapshot.page("items", role: .officer, current: .list(.followUp)) {
            FollowUpsPage.view(.init(items: [F.followUp], today: F.today), chrome: $0)
        }
        Snapshot.page("empty", role: .officer, current: .list(.followUp)) {
            FollowUpsPage.view(.init(items: [], today: F.today), chrome: $0)
        }
    }

    @Test func engagementKinds() {
        Snapshot.page("list", role: .admin, current: .list(.engagementKind)) {
            EngagementKindsPage.view(.init(kinds: F.kinds), chrome: $0)
        }
        let invalid = EngagementKindsPage.Model(kinds: F.kinds, label: "", key: "Meeting!",
                                                errors: F.errors([FieldIssue(field: "label", "field.required")]))
        Snapshot.page("errors", role: .admin, current: .list(.engagementKind)) { EngagementKindsPage.view(invalid, chrome: $0) }
    }

    @Test func visitsIndex() {
        Snapshot.page("items", current: .list(.visit)) {
            VisitsIndexPage.view(.init(page: F.page([F.visitSummary]), canWrite: true), chrome: $0)
        }
        Snapshot.page("empty", role: .viewer, current: .list(.visit)) {
            VisitsIndexPage.view(.init(page: F.page([FieldVisitSummary]()), canWrite: false), chrome: $0)
        }
    }

    @Test func visitPage() {
        let model = VisitPage.Model(visit: F.visit, engagements: [F.meetingSummary, F.mayorMeetingSummary],
                                    context: [F.clashesSummary], canWrite: true, canRestore: true)
        Snapshot.page("coordinator", current: .list(.visit)) { VisitPage.view(model, chrome: $0) }
    }

    @Test func visitForm() {
        Snapshot.page("new", current: .list(.visit)) {
            VisitFormPage.view(.init(places: F.places, users: F.users), chrome: $0)
        }
        var invalid = VisitFormPage.Model(existing: F.visit, values: .init(F.visit), places: F.places, users: F.users)
        invalid.values.endsOn = "2023-08-01"
        invalid.errors = F.errors([FieldIssue(field: "endsOn", "period.invalid")])
        Snapshot.page("errors", current: .list(.visit)) { VisitFormPage.view(invalid, chrome: $0) }
        var conflict = invalid
        conflict.errors = .init()
        conflict.conflict = F.visit
        Snapshot.page("conflict", current: .list(.visit)) { VisitFormPage.view(conflict, chrome: $0) }
    }
}
