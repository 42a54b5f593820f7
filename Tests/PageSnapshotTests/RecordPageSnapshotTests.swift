import Domain
import Foundation
import Testing
@testable import Features
@testable import Web

@Suite("Snapshots: agreements, working groups, recommendations, context, coordination, delete, history", .inEveryLanguage)
struct RecordPageSnapshotTests {
    typealias F = Fixtures

    @Test func agreementsIndex() {
        Snapshot.page("items", current: .list(.agreement)) {
            AgreementsIndexPage.view(.init(page: F.page([F.agreementSummary]), status: "", kind: "", sort: "-signed", canWrite: true), chrome: $0)
        }
        Snapshot.page("empty", role: .viewer, current: .list(.agreement)) {
            AgreementsIndexPage.view(.init(page: F.page([AgreementSummary]()), status: "ended", kind: "", sort: "", canWrite: false),
                                     chrome: $0)
        }
    }

    @Test func agreementPage() {
        var model = AgreementPage.Model(agreement: F.agreement, canWrite: true, canRestore: true, groups: [F.groupSummary],
                                        documents: [F.document])
        Snapshot.page("coordinator", current: .list(.agreement)) { AgreementPage.view(model, chrome: $0) }
        model.documentErrors = F.errors([FieldIssue(field: "file", "document.notAPDF")])
        model.documentTitle = "Signed copy"
        Snapshot.page("document-errors", current: .list(.agreement)) { AgreementPage.view(model, chrome: $0) }
    }

    @Test func agreementForm() {
        Snapshot.page("new", current: .list(.agreement)) {
            AgreementFormPage.view(.init(canWriteRestricted: true), chrome: $0)
        }
        var invalid = AgreementFormPage.Model(existing: F.agreement, values: .init(F.agreement, text: Snapshot.text),
                                              canWriteRestricted: false)
        invalid.values.signedOn = ""
        invalid.errors = F.errors([FieldIssue(field: "signedOn", "agreement.signedDayMissing")])
        Snapshot.page("errors", role: .officer, current: .list(.agreement)) { AgreementFormPage.view(invalid, chrome: $0) }
        var conflict = invalid
        conflict.errors = .init()
        conflict.conflict = F.agreement
        Snapshot.page("conflict", current: .list(.agreement)) { AgreementFormPage.view(conflict, chrome: $0) }
    }

    @Test func workingGroupsIndex() {
        Snapshot.page("items", current: .list(.workingGroup)) {
            WorkingGroupsIndexPage.view(.init(page: F.page([F.groupSummary]), canWrite: true), chrome: $0)
        }
        Snapshot.page("empty", role: .viewer, current: .list(.workingGroup)) {
            WorkingGroupsIndexPage.view(.init(page: F.page([WorkingGroupSummary]()), canWrite: false), chrome: $0)
        }
    }

    @Test func workingGroupPage() {
        var model = WorkingGroupPage.Model(group: F.group, today: F.today, canWrite: true, canRestore: true,
                                           recommendations: [F.recommendationSummary])
        Snapshot.page("coordinator", current: .list(.workingGroup)) { WorkingGroupPage.view(model, chrome: $0) }
        model.deliverableValues = ["title": "", "kind": "report", "dueOn": "soon"]
        model.deliverableErrors = F.errors([FieldIssue(field: "title", "field.required"), FieldIssue(field: "dueOn", "date.invalid")])
        Snapshot.page("deliverable-errors", current: .list(.workingGroup)) { WorkingGroupPage.view(model, chrome: $0) }
    }

    @Test func workingGroupForm() {
        Snapshot.page("new", current: .list(.workingGroup)) {
            WorkingGroupFormPage.view(.init(agreements: [F.agreementRef], canWriteRestricted: true), chrome: $0)
        }
        var invalid = WorkingGroupFormPage.Model(existing: F.group, values: .init(F.group), agreements: [F.agreementRef],
                                                 canWriteRestricted: true)
        invalid.values.members += "\nNobody Known, chair"
        invalid.errors = F.errors([FieldIssue(field: "members", "engagement.participantUnknown", "Nobody Known")])
        Snapshot.page("errors", current: .list(.workingGroup)) { WorkingGroupFormPage.view(invalid, chrome: $0) }
        var conflict = invalid
        conflict.errors = .init()
        conflict.conflict = F.group
        Snapshot.page("conflict", current: .list(.workingGroup)) { WorkingGroupFormPage.view(conflict, chrome: $0) }
    }

    @Test func recommendationBoard() {
        let columns = RecommendationStatus.allCases.map {
            RecommendationBoardPage.Column(status: $0, items: $0 == .submitted ? [F.recommendationSummary] : [])
        }
        Snapshot.page("board", current: .list(.recommendation)) {
            RecommendationBoardPage.view(.init(columns: columns, canWrite: true), chrome: $0)
        }
    }

    @Test func recommendationTable() {
        let model = RecommendationsTablePage.Model(page: F.page([F.recommendationSummary]), status: "", sort: "title",
                                                   canWrite: true)
        Snapshot.page("table", current: .list(.recommendation)) { RecommendationsTablePage.render(model, chrome: $0) }
    }

    @Test func recommendationPage() {
        Snapshot.page("coordinator", current: .list(.recommendation)) {
            RecommendationPage.view(.init(recommendation: F.recommendation, canWrite: true, canRestore: true), chrome: $0)
        }
    }

    @Test func recommendationForm() {
        Snapshot.page("new", current: .list(.recommendation)) {
            RecommendationFormPage.view(.init(groups: [F.groupRef], contextEvents: [RecordRef(id: F.boycottSummary.id,
                                                                                             name: F.boycottSummary.title)],
                                              canWriteRestricted: false), chrome: $0)
        }
        var invalid = RecommendationFormPage.Model(existing: F.recommendation, values: .init(F.recommendation),
                                                   groups: [F.groupRef], contextEvents: [], canWriteRestricted: true)
        invalid.values.targets = "Ministry of Nowhere"
        invalid.errors = F.errors([FieldIssue(field: "targetIDs", "engagement.organizationUnknown", "Ministry of Nowhere")])
        Snapshot.page("errors", current: .list(.recommendation)) { RecommendationFormPage.view(invalid, chrome: $0) }
        var conflict = invalid
        conflict.errors = .init()
        conflict.conflict = F.recommendation
        Snapshot.page("conflict", current: .list(.recommendation)) { RecommendationFormPage.view(conflict, chrome: $0) }
    }

    @Test func contextIndex() {
        let model = ContextEventsIndexPage.Model(page: F.page([F.clashesSummary, F.boycottSummary]), kind: "", placeID: "",
                                                 from: "", to: "", sort: "", places: F.places, canWrite: true)
        Snapshot.page("items", current: .list(.contextEvent)) { ContextEventsIndexPage.view(model, chrome: $0) }
        var empty = ContextEventsIndexPage.Model(page: F.page([ContextEventSummary]()), kind: "protest", placeID: "",
                                                 from: "2023-05-01", to: "2023-04-01", sort: "title", places: F.places,
                                                 canWrite: false)
        empty.errors = F.errors([FieldIssue(field: "to", "period.invalid")])
        Snapshot.page("empty", role: .viewer, current: .list(.contextEvent)) { ContextEventsIndexPage.view(empty, chrome: $0) }
    }

    @Test func contextPage() {
        Snapshot.page("coordinator", current: .list(.contextEvent)) {
            ContextEventPage.view(.init(event: F.boycott, canWrite: true, canRestore: true), chrome: $0)
        }
    }

    @Test func contextForm() {
        Snapshot.page("new", current: .list(.contextEvent)) {
            ContextEventFormPage.view(.init(places: F.places, canWriteRestricted: true), chrome: $0)
        }
        var invalid = ContextEventFormPage.Model(existing: F.boycott, values: .init(F.boycott), places: F.places,
                                                 canWriteRestricted: true)
        invalid.values.sourceURL = "not a link"
        invalid.errors = F.errors([FieldIssue(field: "sourceURL", "website.invalid")])
        Snapshot.page("errors", current: .list(.contextEvent)) { ContextEventFormPage.view(invalid, chrome: $0) }
        var conflict = invalid
        conflict.errors = .init()
        conflict.conflict = F.boycott
        Snapshot.page("conflict", current: .list(.contextEvent)) { ContextEventFormPage.view(conflict, chrome: $0) }
    }

    @Test func coordinationIndex() {
        let model = CoordinationIndexPage.Model(matrix: F.matrix, placeID: F.mitrovica.id.path, from: "", to: "",
                                                places: F.places, canWrite: true)
        Snapshot.page("matrix", current: .list(.coordination)) { CoordinationIndexPage.view(model, chrome: $0) }
        let empty = CoordinationIndexPage.Model(matrix: .init(themes: [], actors: [], cells: [:]), placeID: "", from: "",
                                                to: "", places: F.places, canWrite: false)
        Snapshot.page("empty", role: .viewer, current: .list(.coordination)) { CoordinationIndexPage.view(empty, chrome: $0) }
    }

    @Test func coordinationPage() {
        Snapshot.page("coordinator", current: .list(.coordination)) {
            CoordinationPage.view(.init(activity: F.activity, canWrite: true, canRestore: true), chrome: $0)
        }
    }

    @Test func coordinationForm() {
        Snapshot.page("new", current: .list(.coordination)) { CoordinationFormPage.view(.init(places: F.places), chrome: $0) }
        var invalid = CoordinationFormPage.Model(existing: F.activity, values: .init(F.activity), places: F.places)
        invalid.values.organization = "Nobody Org"
        invalid.errors = F.errors([FieldIssue(field: "organizationID", "engagement.organizationUnknown", "Nobody Org")])
        Snapshot.page("errors", current: .list(.coordination)) { CoordinationFormPage.view(invalid, chrome: $0) }
        var conflict = invalid
        conflict.errors = .init()
        conflict.conflict = F.activity
        Snapshot.page("conflict", current: .list(.coordination)) { CoordinationFormPage.view(conflict, chrome: $0) }
    }

    @Test func confirmDelete() {
        let model = ConfirmDeletePage.Model(name: F.emilija.name, action: .record(.person, F.emilija.id, .delete),
                                            cancel: .record(.person, F.emilija.id), version: 3)
        Snapshot.page("person", current: .list(.person)) { ConfirmDeletePage.view(model, chrome: $0) }
    }

    @Test func recordHistory() {
        let model = RecordHistoryPage.Model(name: F.emilija.name, back: .record(.person, F.emilija.id),
                                            entries: [F.auditEntries[0]])
        Snapshot.page("person", current: .list(.person)) { RecordHistoryPage.view(model, chrome: $0) }
        Snapshot.page("empty", current: .list(.person)) {
            RecordHistoryPage.view(.init(name: F.emilija.name, back: .record(.person, F.emilija.id), entries: []), chrome: $0)
        }
    }
}
