import Domain
import Foundation
import Testing
@testable import Features
@testable import Web

@Suite("Snapshots: reports, the dashboard, the public update, stakeholders, the network", .inEveryLanguage)
struct ReportPageSnapshotTests {
    typealias F = Fixtures

    @Test func periodReport() {
        Snapshot.page("report", current: .dashboard) {
            PeriodReportPage.view(.init(report: F.periodReport, filter: F.periodFilter, seesRestricted: true), chrome: $0)
        }
        var filter = F.periodFilter
        filter.to = "2022-12-31"
        filter.errors = F.errors([FieldIssue(field: "to", "period.invalid")])
        Snapshot.page("errors", role: .viewer, current: .dashboard) {
            PeriodReportPage.view(.init(report: nil, filter: filter, seesRestricted: false), chrome: $0)
        }
    }

    @Test func dashboard() {
        Snapshot.page("charts", current: .dashboard) {
            DashboardPage.view(.init(report: F.periodReport, filter: F.periodFilter, seesRestricted: false), chrome: $0)
        }
        Snapshot.page("for-publication", current: .dashboard) {
            DashboardPage.view(.init(report: F.periodReport, filter: F.periodFilter, seesRestricted: false, publication: SmallNumbers()), chrome: $0)
        }
    }

    @Test func visitReport() {
        Snapshot.page("coordinator", current: .list(.visit)) {
            VisitReportPage.view(.init(report: F.visitReport, drafted: F.drafted, canWrite: true), chrome: $0)
        }
    }

    @Test func visitReportForm() {
        let model = VisitReportFormPage.Model(visit: F.visit, values: F.visitReport.narrative)
        Snapshot.page("edit", current: .list(.visit)) { VisitReportFormPage.view(model, chrome: $0) }
        var conflict = model
        conflict.theirs = VisitReportNarrative(introduction: "Their introduction.", conclusions: nil,
                                               nextSteps: "Their next steps.", version: 3)
        Snapshot.page("conflict", current: .list(.visit)) { VisitReportFormPage.view(conflict, chrome: $0) }
    }

    @Test func reportMessage() {
        Snapshot.page("no-pdf", current: .list(.visit)) {
            ReportMessagePage.view(.init(message: Snapshot.text("report.pdfUnavailable"), back: .record(.visit, F.visitRef.id, .report)),
                                   chrome: $0)
        }
    }

    @Test func publicUpdate() {
        let model = PublicUpdatePage.Model(update: F.publicUpdate, canWrite: true, canPublish: true)
        Snapshot.page("blocked", current: .list(.visit)) { PublicUpdatePage.view(model, chrome: $0) }
        var clean = F.publicUpdate
        clean.check.problems = []
        Snapshot.page("clean", role: .officer, current: .list(.visit)) {
            PublicUpdatePage.view(.init(update: clean, canWrite: true, canPublish: false, conflict: true), chrome: $0)
        }
    }

    @Test func network() {
        let model = NetworkPage.Model(network: F.network, centre: F.emilija.id, centreIsPerson: true, steps: 2)
        Snapshot.page("two-steps", current: .list(.person)) { NetworkPage.view(model, chrome: $0) }
        let alone = RelationshipNetwork(nodes: [.init(id: F.cbm.id, name: F.cbm.name, isPerson: false, step: 0)], edges: [])
        Snapshot.page("none", current: .list(.organization)) {
            NetworkPage.view(.init(network: alone, centre: F.cbm.id, centreIsPerson: false, steps: 1), chrome: $0)
        }
    }

    @Test func assessments() {
        var model = AssessmentsPage.Model(subject: .person(F.emilija), history: F.assessments, canWrite: true)
        Snapshot.page("history", current: .list(.person)) { AssessmentsPage.view(model, chrome: $0) }
        model.history = []
        model.values = AssessmentInput(assessedOn: "", influence: "9", interest: "3", stance: "neutral", notes: nil)
        model.errors = F.errors([FieldIssue(field: "assessedOn", "field.required"), FieldIssue(field: "influence", "field.unknown")])
        Snapshot.page("errors", current: .list(.organization)) { AssessmentsPage.view(model, chrome: $0) }
    }

    @Test func stakeholderGrid() {
        Snapshot.page("grid", current: .dashboard) { StakeholderGridPage.view(.init(entries: F.grid), chrome: $0) }
        Snapshot.page("empty", role: .viewer, current: .dashboard) { StakeholderGridPage.view(.init(entries: []), chrome: $0) }
    }

    /// The single-file exports: the stylesheet inside (a stand-in here), photos as data (none here).
    @Test func standaloneExports() {
        let css = "/* app.css */"
        Snapshot.page("visit-report") {
            VisitReportPage.standalone(F.visitReport, drafted: F.drafted, stylesheet: css, text: $0.text) { _ in nil }
        }
        Snapshot.page("public-update") {
            PublicUpdatePage.standalone(F.publicUpdate, stylesheet: css, text: $0.text) { _ in nil }
        }
        Snapshot.page("period-report") {
            PeriodViews.standalone(F.periodReport, seesRestricted: true, stylesheet: css, text: $0.text)
        }
        Snapshot.page("period-report-for-publication") {
            PeriodViews.standalone(F.periodReport, seesRestricted: true, publication: SmallNumbers(), stylesheet: css, text: $0.text)
        }
    }
}
