import Domain
import Foundation
import Testing
@testable import Features
@testable import Web

@Suite("Snapshots: people, organisations, places, positions, communities", .inEveryLanguage)
struct RegistryPageSnapshotTests {
    typealias F = Fixtures

    @Test func peopleIndex() {
        let model = PeopleIndexPage.Model(
            page: F.page(F.personRows, total: 120), text: "", communityID: "", placeID: F.mitrovica.id.path,
            sensitivity: "", sort: "name", includeDeleted: true, communities: [F.serbCommunity], places: F.places,
            canSeeRestricted: true, canRestore: true, canWrite: true)
        Snapshot.page("items", current: .list(.person)) { PeopleIndexPage.view(model, chrome: $0) }
        var empty = model
        empty.page = F.page([PersonRow]())
        empty.text = "nobody"
        Snapshot.page("empty", role: .viewer, current: .list(.person)) { PeopleIndexPage.view(empty, chrome: $0) }
        // A viewer from whom community and place are hidden: neither a column nor a filter.
        var viewer = model
        viewer.canSeeRestricted = false
        viewer.canRestore = false
        viewer.canWrite = false
        viewer.includeDeleted = false
        viewer.placeID = ""
        viewer.hidden = [.community, .place]
        let access = FieldAccess(hidden: viewer.hidden)
        viewer.page = F.page(F.personRows.filter { $0.sensitivity == "normal" && !$0.deleted }.map(access.apply), total: 100)
        Snapshot.page("viewer-sensitive-hidden", role: .viewer, current: .list(.person)) { PeopleIndexPage.view(viewer, chrome: $0) }
    }

    @Test func personPage() {
        var model = PersonPage.Model(data: F.redzepiPage, today: F.today, canWrite: true, canRestore: true,
                                     organizations: [F.dpmOffice], relationship: F.relationship,
                                     agreements: [F.agreementSummary], groups: [F.groupSummary])
        model.canErase = true
        Snapshot.page("coordinator", current: .list(.person)) { PersonPage.view(model, chrome: $0) }
        var deleted = model
        deleted.data.person.deletedAt = F.time(500)
        deleted.relationship = nil
        Snapshot.page("deleted", current: .list(.person)) { PersonPage.view(deleted, chrome: $0) }
        // A viewer, with every personal field an administrator may mark marked as sensitive.
        var viewer = model
        viewer.canWrite = false
        viewer.canRestore = false
        viewer.canErase = false
        viewer.data.person = FieldAccess(hidden: Set(PersonalField.allCases)).apply(to: model.data.person)
        Snapshot.page("viewer-sensitive-hidden", role: .viewer, current: .list(.person)) { PersonPage.view(viewer, chrome: $0) }
    }

    @Test func erasePerson() {
        let person = RecordRef(id: F.redzepiPage.person.id, name: F.redzepiPage.person.name)
        Snapshot.page("confirm", current: .list(.person)) { ErasePersonPage.view(.init(person: person), chrome: $0) }
        let refused = ErasePersonPage.Model(person: person, reason: "", confirmName: "Emilija",
                                            errors: F.errors([FieldIssue(field: "reason", "field.required"),
                                                              FieldIssue(field: "confirmName", "erasure.nameMismatch")]))
        Snapshot.page("mistakes", current: .list(.person)) { ErasePersonPage.view(refused, chrome: $0) }
        var fromReview = ErasePersonPage.Model(person: person)
        fromReview.fromReview = true
        Snapshot.page("from-review", current: .retentionReview) { ErasePersonPage.view(fromReview, chrome: $0) }
    }

    @Test func subjectAccess() {
        let page = F.redzepiPage
        let held = SubjectAccess.Report(
            generatedAt: F.time(90), person: page.person, consentHistory: page.consentHistory, positions: page.positions,
            engagements: [F.meetingSummary],
            quotes: [SubjectAccess.Quote(engagement: F.meetingRef, text: "We will sign the partnership before the summer.",
                                         language: "en", withheld: false)],
            photos: [SubjectAccess.Photo(id: F.id(1601), engagement: F.meetingRef, caption: "The signing", othersShown: 2)],
            assessments: F.assessments, history: [F.auditEntries[0]])
        Snapshot.page("everything", current: .list(.person)) { SubjectAccessPage.view(held, chrome: $0) }
        // Someone the record holds little on: each section says so rather than disappearing.
        let little = SubjectAccess.Report(generatedAt: F.time(90), person: page.person, consentHistory: [], positions: [],
                                          engagements: [], quotes: [], photos: [], assessments: [], history: [])
        Snapshot.page("little", current: .list(.person)) { SubjectAccessPage.view(little, chrome: $0) }
    }

    @Test func retentionReview() {
        let entries = [
            RetentionReview.Entry(person: F.bedri, lastEngagement: F.day("2021-02-10"), createdAt: F.time(-1_440 * 1_000),
                                  lawfulBasis: .consent, restricted: false),
            RetentionReview.Entry(person: RecordRef(id: F.id(150), name: "Miloš Jovanović"), lastEngagement: nil,
                                  createdAt: F.time(-1_440 * 900), lawfulBasis: .unknown, restricted: true),
        ]
        let cutoff = F.time(-1_440 * 730)
        let listed = RetentionReviewPage.Model(months: 24, cutoff: cutoff, people: F.page(entries))
        Snapshot.page("listed", current: .retentionReview) { RetentionReviewPage.view(listed, chrome: $0) }
        var refused = listed
        refused.failed = .init(id: F.bedri.id, reason: " ", errors: F.errors([FieldIssue(field: "reason", "field.required")]))
        Snapshot.page("mistake", current: .retentionReview) { RetentionReviewPage.view(refused, chrome: $0) }
        let none = RetentionReviewPage.Model(months: 24, cutoff: cutoff, people: F.page([RetentionReview.Entry]()), canChangeSetting: true)
        Snapshot.page("none", role: .admin, current: .retentionReview) { RetentionReviewPage.view(none, chrome: $0) }
        let off = RetentionReviewPage.Model(months: nil, cutoff: nil, people: F.page([RetentionReview.Entry]()), canChangeSetting: true)
        Snapshot.page("off", role: .admin, current: .retentionReview) { RetentionReviewPage.view(off, chrome: $0) }
    }

    @Test func personForm() {
        let new = PersonFormPage.Model(communities: [F.serbCommunity], places: F.places, canWriteRestricted: true)
        Snapshot.page("new", current: .list(.person)) { PersonFormPage.view(new, chrome: $0) }
        var invalid = PersonFormPage.Model(existing: F.redzepi, values: .init(F.redzepi), communities: [F.serbCommunity],
                                           places: F.places, canWriteRestricted: false)
        invalid.values.emails = "not-an-email"
        invalid.errors = F.errors([FieldIssue(field: "emails", "email.invalid"), FieldIssue(field: "name", "field.required")])
        Snapshot.page("errors", role: .officer, current: .list(.person)) { PersonFormPage.view(invalid, chrome: $0) }
        var conflict = invalid
        conflict.errors = .init()
        conflict.conflict = F.redzepi
        Snapshot.page("conflict", current: .list(.person)) { PersonFormPage.view(conflict, chrome: $0) }
    }

    @Test func organizationsIndex() {
        let model = OrganizationsIndexPage.Model(
            page: F.page(F.organizationRows), text: "council", kind: "", level: "", placeID: "", sort: "name",
            includeDeleted: false, places: F.places, canRestore: false, canWrite: true)
        Snapshot.page("items", current: .list(.organization)) { OrganizationsIndexPage.view(model, chrome: $0) }
        var empty = model
        empty.page = F.page([OrganizationRow]())
        Snapshot.page("empty", role: .viewer, current: .list(.organization)) { OrganizationsIndexPage.view(empty, chrome: $0) }
    }

    @Test func organizationPage() {
        let model = OrganizationPage.Model(
            data: OrganizationPageData(organization: F.councilOfEuropeRecord, positions: [F.headOfOffice],
                                       children: [RecordRef(id: F.id(208), name: "Field office Mitrovica")]),
            today: F.today, canWrite: true, canRestore: true, relationship: F.relationship, agreements: [F.agreementSummary],
            recommendations: [F.recommendationSummary])
        Snapshot.page("coordinator", current: .list(.organization)) { OrganizationPage.view(model, chrome: $0) }
        Snapshot.page("viewer", role: .viewer, current: .list(.organization)) {
            OrganizationPage.view(.init(data: model.data, today: F.today, canWrite: false, canRestore: false), chrome: $0)
        }
    }

    @Test func organizationForm() {
        let new = OrganizationFormPage.Model(organizations: [F.government], places: F.places)
        Snapshot.page("new", current: .list(.organization)) { OrganizationFormPage.view(new, chrome: $0) }
        var invalid = OrganizationFormPage.Model(existing: F.councilOfEuropeRecord, values: .init(F.councilOfEuropeRecord),
                                                 organizations: [F.government], places: F.places)
        invalid.values.website = "osce.org"
        invalid.errors = F.errors([FieldIssue(field: "website", "website.invalid")])
        Snapshot.page("errors", current: .list(.organization)) { OrganizationFormPage.view(invalid, chrome: $0) }
        var conflict = invalid
        conflict.errors = .init()
        conflict.conflict = F.councilOfEuropeRecord
        Snapshot.page("conflict", current: .list(.organization)) { OrganizationFormPage.view(conflict, chrome: $0) }
    }

    @Test func placesIndex() {
        let model = PlacesIndexPage.Model(page: F.page(F.placeRecords), text: "", kind: "", canWrite: true)
        Snapshot.page("items", current: .list(.place)) { PlacesIndexPage.view(model, chrome: $0) }
        let empty = PlacesIndexPage.Model(page: F.page([PlaceRecord]()), text: "Atlantis", kind: "settlement", canWrite: false)
        Snapshot.page("empty", role: .viewer, current: .list(.place)) { PlacesIndexPage.view(empty, chrome: $0) }
    }

    @Test func placePage() {
        let model = PlacePage.Model(
            data: PlacePageData(place: F.mitrovicaRecord, path: [F.kosovo], children: [RecordRef(id: F.id(305), name: "Suhodoll")],
                                people: [F.bedri], organizations: [F.mitrovicaSouth, F.cbm]),
            canWrite: true, engagements: F.page([F.mayorMeetingSummary], total: 60), context: [F.boycottSummary])
        Snapshot.page("coordinator", current: .list(.place)) { PlacePage.view(model, chrome: $0) }
    }

    @Test func placeForm() {
        Snapshot.page("new", current: .list(.place)) { PlaceFormPage.view(.init(places: F.places), chrome: $0) }
        var invalid = PlaceFormPage.Model(existing: F.mitrovicaRecord, places: F.places)
        invalid.values.names = [("sq", "Mitrovicë e Jugut"), ("sr-Cyrl", "Јужна Митровица")]
        invalid.values.latitude = "north"
        invalid.values.version = "1"
        invalid.errors = F.errors([FieldIssue(field: "latitude", "place.latitude")])
        Snapshot.page("errors", current: .list(.place)) { PlaceFormPage.view(invalid, chrome: $0) }
        var conflict = invalid
        conflict.errors = .init()
        conflict.conflict = F.mitrovicaRecord
        Snapshot.page("conflict", current: .list(.place)) { PlaceFormPage.view(conflict, chrome: $0) }
    }

    @Test func positionPage() {
        let model = PositionPage.Model(position: F.deputyPrimeMinister, canWrite: true, canRestore: true)
        Snapshot.page("coordinator", current: .list(.person)) { PositionPage.view(model, chrome: $0) }
    }

    @Test func positionForm() {
        let finding = PositionFormPage.Model(person: F.emilija, organizationQuery: "office",
                                             organizationMatches: [F.dpmOffice, F.councilOfEurope])
        Snapshot.page("new", current: .list(.person)) { PositionFormPage.view(finding, chrome: $0) }
        var editing = PositionFormPage.Model(existing: F.deputyPrimeMinister, person: F.emilija, organization: F.dpmOffice)
        editing.values = .init(personID: F.emilija.id.path, organizationID: F.dpmOffice.id.path,
                               title: F.deputyPrimeMinister.title, startsOn: "2021-03-22", endsOn: "2021-01-01", version: "1")
        editing.errors = F.errors([FieldIssue(field: "endsOn", "position.endsBeforeStart")])
        Snapshot.page("errors", current: .list(.person)) { PositionFormPage.view(editing, chrome: $0) }
    }

    @Test func communities() {
        let model = CommunitiesPage.Model(communities: F.communities, editing: nil, values: .init(), regions: [F.kosovo])
        Snapshot.page("list", role: .admin, current: .list(.community)) { CommunitiesPage.view(model, chrome: $0) }
        var editing = CommunitiesPage.Model(communities: [], editing: F.communities[0],
                                            values: .init(name: "", status: "non_majority", regionID: "", notes: "", version: "1"),
                                            regions: [F.kosovo])
        editing.errors = F.errors([FieldIssue(field: "name", "field.required")])
        Snapshot.page("editing", role: .admin, current: .list(.community)) { CommunitiesPage.view(editing, chrome: $0) }
    }
}
