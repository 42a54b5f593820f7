import Domain
import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("Administrators manage users; every change is in the audit trail")
struct UserManagementTests {
    @Test func anAdministratorAddsAColleagueWhoCanThenSignIn() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin, name: "James Holmes")
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            let created = try await admin.post("/users", form: ["name": "Kübra Kalkandelen", "email": "kubra@ico.example", "role": "coordinator", "password": "a long passphrase"])
            #expect(created.status == .seeOther)
            #expect(try await Browser(app).signIn("kubra@ico.example", password: "a long passphrase").status == .seeOther)
            let entry = try #require(try await app.auditEntries(action: .create).first { $0.recordLabel == "kubra@ico.example" })
            #expect(entry.actor == "james@ico.example")
            #expect(entry.changes.contains(FieldChange(field: "role", from: nil, to: "coordinator")))
            #expect(!entry.changes.contains { $0.field.contains("password") })
        }
    }

    @Test func withoutAPasswordOneIsGeneratedAndShownOnce() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin)
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            let created = try await admin.post("/users", form: ["name": "Arta Krasniqi", "email": "arta@ico.example", "role": "officer"])
            #expect(created.status == .created)
            let password = try #require(created.text.firstMatch(of: /<code class="secret">([^<]+)<\/code>/)?.1)
            #expect(try await Browser(app).signIn("arta@ico.example", password: String(password)).status == .seeOther)
        }
    }

    @Test func aTakenEmailIsShownAtTheEmailField() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin)
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            let response = try await admin.post("/users", form: ["name": "Someone", "email": "JAMES@ico.example", "role": "viewer", "password": "a long passphrase"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("id=\"f-email-error\">Another user already has this email address."))
            #expect(response.text.contains("value=\"Someone\""))
        }
    }

    @Test func aStaleEditShowsBothVersionsAndChangesNothing() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin)
            let arta = try await app.addUser("arta@ico.example", role: .officer, name: "Arta Krasniqi")
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            // someone else saves first
            _ = try await UpdateUser(database: app.db)(id: arta.id, UserInput(email: arta.email, name: "Arta Krasniqi-Berisha", role: "officer"), expectedVersion: 1, by: .commandLine)
            // then this administrator saves from the page they opened before
            let response = try await admin.post("/users/\(arta.id.uuidString.lowercased())", form: ["name": "Arta K.", "email": arta.email, "role": "viewer", "version": "1"])
            #expect(response.status == .conflict)
            #expect(response.text.contains("Someone else changed this user"))
            #expect(response.text.contains("Arta Krasniqi-Berisha"))
            #expect(response.text.contains("value=\"Arta K.\""))
            #expect(try await ListUsers(database: app.db).one(arta.id, by: .commandLine).role == .officer)
        }
    }

    @Test func disablingAUserEndsTheirSessionsAndTokensAtOnce() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin)
            let arta = try await app.addUser("arta@ico.example", role: .officer)
            let token = try await app.token(for: arta.email)
            let artaBrowser = Browser(app)
            try await artaBrowser.signIn(arta.email)
            #expect(try await artaBrowser.get("/").status == .ok)
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            let disabled = try await admin.post("/users/\(arta.id.uuidString.lowercased())/disable")
            #expect(disabled.status == .seeOther)
            #expect(try await artaBrowser.get("/").status == .seeOther)
            let api = try await app.testing().sendRequest(.GET, "/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
            #expect(api.status == .unauthorized)
            #expect(try await Browser(app).signIn(arta.email).status == .unauthorized)
            let entry = try #require(try await app.auditEntries(action: .userDisable).first)
            #expect(entry.changes == [FieldChange(field: "status", from: "active", to: "disabled")])
        }
    }

    @Test func anAdministratorCannotDisableThemselvesOrRemoveTheLastAdministrator() async throws {
        try await withRoundtable { app in
            let james = try await app.addUser("james@ico.example", role: .admin)
            let actor = Actor.user(james)
            await #expect(throws: DomainError.notAllowed("users.cannotDisableSelf")) {
                try await SetUserDisabled(database: app.db)(id: james.id, disabled: true, by: actor)
            }
            await #expect(throws: DomainError.notAllowed("users.cannotDemoteSelf")) {
                try await UpdateUser(database: app.db)(id: james.id, UserInput(email: james.email, name: "J", role: "viewer"), expectedVersion: 1, by: actor)
            }
            await #expect(throws: DomainError.notAllowed("users.lastAdmin")) {
                try await SetUserDisabled(database: app.db)(id: james.id, disabled: true, by: .commandLine)
            }
        }
    }

    @Test func theUserPageShowsItsHistory() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin)
            let arta = try await app.addUser("arta@ico.example", role: .officer, name: "Arta")
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            try await admin.post("/users/\(arta.id.uuidString.lowercased())", form: ["name": "Arta Krasniqi", "email": arta.email, "role": "viewer", "version": "1"])
            let page = try await admin.get("/users/\(arta.id.uuidString.lowercased())")
            #expect(page.text.contains("History"))
            #expect(page.text.contains("<del>Officer</del>"))
            #expect(page.text.contains("<ins>Viewer</ins>"))
            #expect(page.text.contains("command line"))
        }
    }

    @Test func usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() async throws {
        try await withRoundtable { app in
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let other = Browser(app)
            try await other.signIn("arta@ico.example")
            let wrong = try await browser.post("/account/password", form: ["currentPassword": "not it at all", "newPassword": "a brand new passphrase"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("This is not your current password."))
            let right = try await browser.post("/account/password", form: ["currentPassword": "correct horse battery", "newPassword": "a brand new passphrase"])
            #expect(right.status == .seeOther)
            // this browser stays signed in; the other session ended
            #expect(try await browser.get("/").status == .ok)
            #expect(try await other.get("/").status == .seeOther)
            #expect(try await Browser(app).signIn("arta@ico.example", password: "a brand new passphrase").status == .seeOther)
            let entry = try #require(try await app.auditEntries(action: .passwordChange).first)
            #expect(entry.changes == [FieldChange.secret("password")])
        }
    }

    /// A password changed because someone may have seen it leaves API tokens working: the page after the
    /// change says how many, and one button revokes them all (each revocation in the audit trail).
    @Test func afterAPasswordChangeThePageSaysWhichTokensStillWorkAndRevokesThemAll() async throws {
        try await withRoundtable { app in
            try await app.addUser("arta@ico.example", role: .officer)
            let first = try await app.token(for: "arta@ico.example"), second = try await app.token(for: "arta@ico.example")
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let changed = try await browser.post("/account/password", form: ["currentPassword": "correct horse battery", "newPassword": "a brand new passphrase"])
            #expect(changed.location == "/account/password/changed")
            let page = try await browser.get("/account/password/changed")
            #expect(page.status == .ok)
            #expect(page.text.contains("Your password is changed. Other sessions were signed out."))
            #expect(page.text.contains("2 API tokens still work"))
            #expect(page.text.contains("Revoke all 2 API tokens"))
            #expect(page.text.contains(#"action="/account/tokens/revoke""#))
            // until revoked, they work
            #expect(try await Browser(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(first)"]).status == .ok)
            let revoked = try await browser.post("/account/tokens/revoke")
            #expect(revoked.location == "/account")
            #expect(try await browser.get("/account").text.contains("2 API tokens revoked."))
            for token in [first, second] {
                #expect(try await Browser(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(token)"]).status == .unauthorized)
            }
            #expect(try await app.auditEntries(action: .tokenRevoke).count == 2)
            // with none left, the page is the account page, and so is the next password change
            #expect(try await browser.get("/account/password/changed").location == "/account")
            let again = try await browser.post("/account/password", form: ["currentPassword": "a brand new passphrase", "newPassword": "another new passphrase"])
            #expect(again.location == "/account")
        }
    }

    @Test func theAuditTrailFiltersByActorActionAndDate() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin)
            try await app.addUser("arta@ico.example", role: .officer)
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            try await Browser(app).signIn("arta@ico.example", password: "wrong password!")
            let failures = try await admin.get("/audit?action=sign_in_failed")
            #expect(failures.text.contains("failed to sign in"))
            #expect(!failures.text.contains(">created</td>"))
            let byCLI = try await admin.get("/audit?actor=cli")
            #expect(byCLI.text.contains(">created</td>"))
            let badDate = try await admin.get("/audit?from=26-11-2026")
            #expect(badDate.text.contains("id=\"f-from-error\">Enter a date as YYYY-MM-DD."))
            let future = try await admin.get("/audit?from=2999-01-01")
            #expect(future.text.contains("No entries match."))
        }
    }
}
