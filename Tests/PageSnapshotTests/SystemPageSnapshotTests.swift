import Domain
import Foundation
import Testing
@testable import Features
@testable import Web

@Suite("Snapshots: signing in, home, search, account, users, audit, export, import, duplicates, errors", .inEveryLanguage)
struct SystemPageSnapshotTests {
    typealias F = Fixtures

    @Test func signIn() {
        Snapshot.page("blank", role: nil) { SignInPage.view(.init(next: "/people"), chrome: $0) }
        Snapshot.page("wrong-password", role: nil) {
            SignInPage.view(.init(email: "kubra@ico.example", formError: Snapshot.text("signIn.failed")), chrome: $0)
        }
    }

    @Test func setup() {
        Snapshot.page("blank", role: nil) { SetupPage.view(.init(), chrome: $0) }
        let invalid = SetupPage.Model(name: "James Holmes", email: "james@",
                                      errors: F.errors([FieldIssue(field: "email", "email.invalid"),
                                                        FieldIssue(field: "password", "field.required")]))
        Snapshot.page("errors", role: nil) { SetupPage.view(invalid, chrome: $0) }
    }

    @Test func home() {
        let model = HomePage.Model(name: "Kübra Kalkandelen", role: .admin, canManageUsers: true, canViewAudit: true,
                                   recent: F.auditEntries, followUps: [F.followUp],
                                   myEngagements: [RecordRef(id: F.meetingSummary.id, name: F.meetingSummary.title)],
                                   visitsUnderWay: [F.visitSummary], today: F.day("2023-08-09"))
        Snapshot.page("admin", role: .admin, current: .home) { HomePage.view(model, chrome: $0) }
        Snapshot.page("viewer", role: .viewer, current: .home) {
            HomePage.view(.init(name: "Arta Krasniqi", role: .viewer, canManageUsers: false, canViewAudit: false, recent: [],
                                today: F.day("2023-08-09")),
                          chrome: $0)
        }
        Snapshot.page("officer-empty-desk", role: .officer, current: .home) {
            HomePage.view(.init(name: "Arta Krasniqi", role: .officer, canManageUsers: false, canViewAudit: false, recent: [],
                                today: F.day("2023-08-09")),
                          chrome: $0)
        }
    }

    /// The frame's one-time message after a redirect, as a page shows it above its content.
    @Test func flashMessage() {
        let model = PositionPage.Model(position: F.mayor, canWrite: true, canRestore: false)
        Snapshot.page("saved", current: .list(.person), flash: "Changes saved.") { PositionPage.view(model, chrome: $0) }
    }

    @Test func errorPage() {
        let model = ErrorPage.Model(titleKey: "error.notFound", detail: nil, issues: [])
        Snapshot.page("not-found") { ErrorPage.view(model, chrome: $0) }
        let invalid = ErrorPage.Model(titleKey: "error.invalid", detail: Snapshot.text("error.body.notJSON"),
                                      issues: [FieldIssue(field: "version", "field.required")])
        Snapshot.page("invalid", role: nil) { ErrorPage.view(invalid, chrome: $0) }
    }

    @Test func search() {
        Snapshot.page("blank", current: .search) { SearchPage.view(.init(results: nil, query: ""), chrome: $0) }
        Snapshot.page("results", current: .search) {
            SearchPage.view(.init(results: F.searchResults, query: "redzepi"), chrome: $0)
        }
        Snapshot.page("none", current: .search) {
            SearchPage.view(.init(results: SearchResults(query: "atlantis", groups: []), query: "atlantis"), chrome: $0)
        }
        // Past the count's limit a kind shows its latest matches, and says so.
        Snapshot.page("many", current: .search) {
            SearchPage.view(.init(results: F.searchResultsPastTheLimit, query: "krasniqi"), chrome: $0)
        }
    }

    @Test func account() {
        let model = AccountPage.Model(user: F.kubraUser, tokens: F.tokens, canUseTokens: true, newTokenSecret: "rt_fixed_secret",
                                      canHaveCalendar: true,
                                      calendarFeed: CalendarFeeds.Status(createdAt: F.time(-1_000), lastUsedAt: nil),
                                      newCalendarURL: nil)
        Snapshot.page("tokens-and-calendar", current: .account) { AccountPage.view(model, chrome: $0) }
        let viewer = AccountPage.Model(user: F.formerUser, tokens: [], canUseTokens: false, newTokenSecret: nil,
                                       canHaveCalendar: true, calendarFeed: nil, newCalendarURL: "https://roundtable.example/calendar/fixed.ics",
                                       errors: F.errors([FieldIssue(field: "currentPassword", "field.required")]))
        Snapshot.page("password-errors", role: .viewer, current: .account) { AccountPage.view(viewer, chrome: $0) }
        Snapshot.page("password-changed-tokens-still-work", current: .account) { PasswordChangedPage.view(tokens: F.tokens, chrome: $0) }
    }

    @Test func twoFactor() {
        let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
        Snapshot.page("set-up", current: .account) {
            TwoFactorPage.view(.init(secret: secret, email: F.kubraUser.email), chrome: $0)
        }
        Snapshot.page("set-up-required-wrong-code", role: .admin, current: .account) {
            TwoFactorPage.view(.init(secret: secret, email: F.kubraUser.email, isRequired: true,
                                     errors: F.errors([FieldIssue(field: "code", "twoFactor.wrongCode")])), chrome: $0)
        }
        let codes = (0..<10).map { "abcde-fgh\($0 + 2)" }
        Snapshot.page("recovery-codes", current: .account) { TwoFactorPage.recoveryCodes(codes, chrome: $0) }
        var on = AccountPage.Model(user: F.kubraUser, tokens: [], canUseTokens: false)
        on.twoFactor = TwoFactor.Status(isEnabled: true, enabledAt: F.time(-86_400), recoveryCodesLeft: 1)
        Snapshot.page("account-on", current: .account) { AccountPage.view(on, chrome: $0) }
        Snapshot.page("sign-in-code", role: nil) { SignInCodePage.view(.init(next: "/people"), chrome: $0) }
        Snapshot.page("sign-in-code-wrong", role: nil) {
            SignInCodePage.view(.init(formError: Snapshot.text("signIn.codeFailed")), chrome: $0)
        }
        var required = SettingsPage.Model(defaultLanguage: nil, fallback: .english, threshold: "5")
        required.requireTwoFactor = true
        Snapshot.page("settings-required", role: .admin, current: .settings) { SettingsPage.view(required, chrome: $0) }
        let user = UserFormPage.Model(existing: F.kubraUser, name: F.kubraUser.name, email: F.kubraUser.email,
                                      role: "coordinator", version: 3, twoFactorOn: true)
        Snapshot.page("user-reset", role: .admin, current: .list(.user)) { UserFormPage.view(user, chrome: $0) }
    }

    @Test func captures() {
        Snapshot.page("waiting", current: .list(.capture)) { CapturesWaitingPage.view(reviewCount: 2, chrome: $0) }
        let entries = [
            CaptureReviews.Entry(id: F.id(901), reason: .namesNotFound, recordType: "engagement", recordID: F.id(701), sent: [:],
                                 details: ["names": ["No one in the registry is called “Someone Notinregistry”."],
                                           "record": ["Meeting at the crossing point"]], createdAt: F.time(-3_600)),
            CaptureReviews.Entry(id: F.id(902), reason: .changedResend, recordType: "engagement", recordID: F.id(701),
                                 sent: ["title": "Meeting at the bridge", "start": "2026-11-20T10:00"],
                                 details: ["record": ["Meeting at the crossing point"]], createdAt: F.time(-1_800)),
            CaptureReviews.Entry(id: F.id(903), reason: .changedMeanwhile, recordType: "engagement", recordID: F.id(701), sent: [:],
                                 details: ["followUp": ["Send the minutes"], "stored": ["dropped"], "sent": ["done"]],
                                 createdAt: F.time(-600)),
        ]
        Snapshot.page("review", current: .list(.captureReview)) { CaptureReviewPage.view(entries, chrome: $0) }
        Snapshot.page("review-none", current: .list(.captureReview)) { CaptureReviewPage.view([], chrome: $0) }
    }

    @Test func settings() {
        Snapshot.page("server-default", role: .admin, current: .settings) {
            SettingsPage.view(.init(defaultLanguage: nil, fallback: .english, threshold: "5"), chrome: $0)
        }
        var invalid = SettingsPage.Model(defaultLanguage: .albanian, fallback: .serbianCyrillic, threshold: "2")
        invalid.retentionMonths = "25"
        invalid.errors = F.errors([FieldIssue(field: "defaultLanguage", "field.notAChoice"),
                                   FieldIssue(field: "smallNumberThreshold", "settings.thresholdRange", "3", "100"),
                                   FieldIssue(field: "retentionMonths", "field.notAChoice")])
        Snapshot.page("invalid", role: .admin, current: .settings) { SettingsPage.view(invalid, chrome: $0) }
    }

    @Test func users() {
        Snapshot.page("list", role: .admin, current: .list(.user)) {
            UsersIndexPage.view(.init(users: [F.jamesUser, F.kubraUser, F.formerUser], sort: "-seen"), chrome: $0)
        }
        Snapshot.page("empty", role: .admin, current: .list(.user)) { UsersIndexPage.view(.init(users: [], sort: ""), chrome: $0) }
    }

    @Test func userForm() {
        let new = UserFormPage.Model(errors: F.errors([FieldIssue(field: "email", "email.taken")]))
        Snapshot.page("new", role: .admin, current: .list(.user)) { UserFormPage.view(new, chrome: $0) }
        let edit = UserFormPage.Model(existing: F.kubraUser, name: F.kubraUser.name, email: F.kubraUser.email,
                                      role: "coordinator", version: 3, generatedPassword: "fixed-generated-password",
                                      history: [F.auditEntries[0]])
        Snapshot.page("edit", role: .admin, current: .list(.user)) { UserFormPage.view(edit, chrome: $0) }
        let conflict = UserFormPage.Model(existing: F.formerUser, name: "Arta K.", email: F.formerUser.email, role: "viewer",
                                          version: 6, conflict: F.formerUser, isSelf: false)
        Snapshot.page("conflict", role: .admin, current: .list(.user)) { UserFormPage.view(conflict, chrome: $0) }
    }

    @Test func audit() {
        let model = AuditPage.Model(page: AuditLog.Page(entries: F.auditEntries, page: 2, hasMore: true), actor: "", action: "",
                                    recordType: "person", from: "", to: "", sort: "", recordTypes: ["engagement", "person"])
        Snapshot.page("entries", role: .admin, current: .audit) { AuditPage.view(model, chrome: $0) }
        var empty = AuditPage.Model(page: AuditLog.Page(entries: [], page: 1, hasMore: false), actor: "nobody", action: "",
                                    recordType: "", from: "soon", to: "", sort: "at", recordTypes: [])
        empty.errors = F.errors([FieldIssue(field: "from", "date.invalid")])
        Snapshot.page("empty", role: .admin, current: .audit) { AuditPage.view(empty, chrome: $0) }
    }

    @Test func export() {
        let model = ExportPage.Model(kinds: RecordExport.Kind.allCases, files: ["people.json", "organizations.json"],
                                     seesRestricted: false)
        Snapshot.page("officer", role: .officer, current: .export) { ExportPage.view(model, chrome: $0) }
    }

    @Test func importUpload() {
        let recent = [ImportBatches.Summary(id: F.id(2201), kind: .people, fileName: "contacts.csv", status: .staged,
                                            createdAt: F.time())]
        Snapshot.page("recent", current: .list(.importBatch)) { ImportUploadPage.view(.init(recent: recent), chrome: $0) }
        let invalid = ImportUploadPage.Model(recent: [], values: ["kind": "organizations"],
                                             errors: F.errors([FieldIssue(field: "file", "field.required")]))
        Snapshot.page("errors", current: .list(.importBatch)) { ImportUploadPage.view(invalid, chrome: $0) }
    }

    @Test func importBatch() {
        Snapshot.page("staged", current: .list(.importBatch)) {
            ImportBatchPage.view(.init(batch: F.importBatch(.staged), plan: F.importPlan), chrome: $0)
        }
        Snapshot.page("running", current: .list(.importBatch)) {
            ImportBatchPage.view(.init(batch: F.importBatch(.running), plan: F.importPlan,
                                       progress: .init(done: 1, total: 2)), chrome: $0)
        }
        Snapshot.page("done", current: .list(.importBatch)) {
            ImportBatchPage.view(.init(batch: F.importBatch(.done)), chrome: $0)
        }
        Snapshot.page("failed", current: .list(.importBatch)) {
            ImportBatchPage.view(.init(batch: F.importBatch(.failed)), chrome: $0)
        }
    }

    @Test func duplicates() {
        Snapshot.page("pairs", current: .duplicates) {
            DuplicatesPage.view(.init(people: F.duplicatePairs, organizations: .init(pairs: [], total: 0), canMerge: true),
                                chrome: $0)
        }
    }

    @Test func merge() {
        let model = MergePage.Model(kind: .people, duplicate: RecordRef(id: F.id(107), name: "Emilija Redzepi"), kept: F.emilija,
                                    moves: [.init(key: "participations", count: 2), .init(key: "positions", count: 1)],
                                    duplicateRestricted: true)
        Snapshot.page("people", current: .duplicates) { MergePage.view(model, chrome: $0) }
    }
}
