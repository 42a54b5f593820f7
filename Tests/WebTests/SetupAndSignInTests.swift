import Domain
import Features
import Foundation
import Storage
import Testing
import VaporTesting
@testable import Web

@Suite("A new Roundtable: setup, sign-in, sign-out")
struct SetupAndSignInTests {
    @Test func anEmptyDatabaseSendsVisitorsToSetup() async throws {
        try await withRoundtable { app in
            let browser = Browser(app)
            // given no users, when someone opens Roundtable
            let home = try await browser.get("/")
            #expect(home.status == .seeOther)
            #expect(home.location?.hasPrefix("/sign-in") == true)
            let signIn = try await browser.get("/sign-in")
            // then they are sent to the one-time setup page
            #expect(signIn.location == "/setup")
            let setup = try await browser.get("/setup")
            #expect(setup.status == .ok)
            #expect(setup.text.contains("Create the first administrator"))
        }
    }

    @Test func setupCreatesTheFirstAdministratorAndSignsThemIn() async throws {
        try await withRoundtable { app in
            let browser = Browser(app)
            try await browser.get("/setup")
            let created = try await browser.post("/setup", form: ["name": "James Holmes", "email": "James.Holmes@ico.example", "password": "correct horse battery"])
            #expect(created.status == .seeOther)
            #expect(browser.session != nil)
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Welcome, James Holmes."))
            let users = try await ListUsers(database: app.db)(by: .commandLine)
            #expect(users.map(\.email) == ["james.holmes@ico.example"])
            #expect(users.first?.role == .admin)
            // and setup is closed for good
            let again = try await Browser(app).post("/setup", form: ["name": "Intruder", "email": "x@evil.example", "password": "correct horse battery"])
            #expect(again.status == .seeOther)
            #expect(try await ListUsers(database: app.db)(by: .commandLine).count == 1)
        }
    }

    @Test func setupShowsEachProblemNextToItsField() async throws {
        try await withRoundtable { app in
            let browser = Browser(app)
            let response = try await browser.post("/setup", form: ["name": "", "email": "not-an-email", "password": "short"])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("id=\"f-email-error\""))
            #expect(response.text.contains("Enter an email address like name@example.org."))
            #expect(response.text.contains("id=\"f-password-error\""))
            #expect(response.text.contains("Use at least 12 characters."))
            #expect(response.text.contains("id=\"f-name-error\""))
            #expect(try await ListUsers(database: app.db)(by: .commandLine).isEmpty)
        }
    }

    @Test func signInSetsASafeCookieAndANewSessionEachTime() async throws {
        try await withRoundtable { app in
            try await app.addUser("kubra@ico.example", role: .coordinator)
            let browser = Browser(app)
            let first = try await browser.signIn("kubra@ico.example")
            #expect(first.status == .seeOther)
            let cookie = try #require(first.headers[.setCookie].first { $0.hasPrefix("rt_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"))
            let firstSession = try #require(browser.session)
            // signing in again gives a different session id and ends the old one
            try await browser.signIn("kubra@ico.example")
            let secondSession = try #require(browser.session)
            #expect(firstSession != secondSession)
            let stale = Browser(app)
            stale.cookies[AuthenticationMiddleware.sessionCookie] = firstSession
            #expect(try await stale.get("/").status == .seeOther)
        }
    }

    @Test func cookiesAreSecureBehindHTTPS() async throws {
        try await withRoundtable { app in
            try await app.addUser("kubra@ico.example", role: .coordinator)
            let browser = Browser(app)
            try await browser.get("/sign-in")
            let body = "email=kubra%40ico.example&password=correct%20horse%20battery&_csrf=\(browser.csrf!)"
            let response = try await browser.send(.POST, "/sign-in", headers: ["Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-Proto": "https"], body: body)
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("rt_session=") })
            #expect(cookie.contains("Secure"))
        }
    }

    @Test func aWrongPasswordGetsAClearMessageAndIsAudited() async throws {
        try await withRoundtable { app in
            try await app.addUser("kubra@ico.example", role: .coordinator)
            let response = try await Browser(app).signIn("kubra@ico.example", password: "wrong password!")
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("The email or password is not right."))
            let failures = try await app.auditEntries(action: .signInFailed)
            #expect(failures.map(\.actor) == ["kubra@ico.example"])
            // the password typed is never in the trail
            #expect(!failures.contains { $0.changes.contains { $0.to?.contains("wrong") == true } })
        }
    }

    @Test func aPasswordTypedAsTheEmailIsAuditedWithoutItInEachLanguage() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin)
            #expect(try await Browser(app).signIn("my secret password", password: "x").status == .unauthorized)
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            let albanian = try await admin.get("/audit?lang=sq").text
            #expect(albanian.contains("Përdorues: adresë emaili e pavlefshme"))
            #expect(!albanian.contains("Përdorues: anonymous") && !albanian.contains("my secret password"))
            let serbian = try await admin.get("/audit?lang=sr-Cyrl").text
            #expect(serbian.contains("неисправна имејл адреса"))
        }
    }

    @Test func fiveFailuresLockTheAccountEvenForTheRightPassword() async throws {
        try await withRoundtable { app in
            try await app.addUser("kubra@ico.example", role: .coordinator)
            let browser = Browser(app)
            for _ in 0..<5 {
                #expect(try await browser.signIn("kubra@ico.example", password: "wrong password!").status == .unauthorized)
            }
            let refused = try await browser.signIn("kubra@ico.example")
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("Too many failed sign-ins"))
            #expect(browser.session == nil)
            #expect(try await app.auditEntries(action: .signInFailed).count == 5)
            #expect(try await app.auditEntries(action: .signInRefused).count == 1)
            // another account from elsewhere is unaffected
            try await app.addUser("arta@ico.example", role: .officer)
            #expect(try await Browser(app).signIn("arta@ico.example").status == .seeOther)
        }
    }

    @Test func twentyFailuresFromOneAddressLockThatAddress() async throws {
        try await withRoundtable { app in
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            for index in 0..<20 {
                try await browser.signIn("guess\(index)@ico.example", password: "wrong password!")
            }
            #expect(try await browser.signIn("arta@ico.example").status == .tooManyRequests)
        }
    }

    @Test func signOutEndsTheSession() async throws {
        try await withRoundtable { app in
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let session = try #require(browser.session)
            let out = try await browser.post("/sign-out")
            #expect(out.location == "/sign-in")
            let replay = Browser(app)
            replay.cookies[AuthenticationMiddleware.sessionCookie] = session
            #expect(try await replay.get("/").status == .seeOther)
            #expect(try await app.auditEntries(action: .signOut).count == 1)
        }
    }

    @Test func idleSessionsExpire() async throws {
        // The session is made idle by its last use moved back, not by waiting: a test that slept past a short
        // timeout failed when a busy machine took longer than the timeout to serve the first page.
        try await withRoundtable(sessionPolicy: SessionPolicy(idleTimeout: 600, absoluteLifetime: 3600, touchInterval: 0)) { app in
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            #expect(try await browser.get("/").status == .ok)
            try await UserSessionModel.query(on: app.db).set(\.$lastSeenAt, to: Date().addingTimeInterval(-540)).update()
            #expect(try await browser.get("/").status == .ok, "used within the timeout: still signed in")
            try await UserSessionModel.query(on: app.db).set(\.$lastSeenAt, to: Date().addingTimeInterval(-601)).update()
            #expect(try await browser.get("/").status == .seeOther)
        }
    }

    @Test func nextOnlyLeadsToLocalPages() {
        #expect(SessionController.safeNext("/users") == "/users")
        #expect(SessionController.safeNext("//evil.example") == "/")
        #expect(SessionController.safeNext("https://evil.example") == "/")
        #expect(SessionController.safeNext(nil) == "/")
    }
}
