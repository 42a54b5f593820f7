import Domain
import Features
import FluentKit
import Foundation
import Storage
import Testing
import VaporTesting
@testable import Web

@Suite("Two-factor sign-in: set up, sign in with a code, recovery codes, reset, the site's rule")
struct TwoFactorTests {
    /// Signs in, sets up two-factor sign-in through the pages and returns the secret and the recovery codes.
    func setUp(_ browser: Browser, email: String) async throws -> (secret: [UInt8], recoveryCodes: [String]) {
        try await browser.signIn(email)
        let account = try await browser.get("/account")
        #expect(account.text.contains("Two-factor sign-in"))
        #expect(account.text.contains(#"href="/account/two-factor""#))
        let page = try await browser.get("/account/two-factor")
        #expect(page.status == .ok)
        #expect(page.text.contains("<svg"))
        #expect(page.text.contains("otpauth://totp/Roundtable:"))
        let typed = try #require(page.text.firstMatch(of: /id="two-factor-secret">([A-Z2-7 ]+)</)?.output.1)
        #expect(typed.split(separator: " ").allSatisfy { $0.count == 4 })
        let secret = try #require(Base32.decode(String(typed)))
        // The same secret when the page is opened again (scanned, then come back).
        #expect(try await browser.get("/account/two-factor").text.contains(String(typed)))
        let wrong = try await browser.post("/account/two-factor/confirm", form: ["code": "000000" == code(secret) ? "111111" : "000000"])
        #expect(wrong.status == .unprocessableEntity)
        #expect(wrong.text.contains("f-code-error"))
        let confirmed = try await browser.post("/account/two-factor/confirm", form: ["code": code(secret)])
        #expect(confirmed.status == .ok)
        let codes = confirmed.text.matches(of: /<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/).map { String($0.output.1) }
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        return (secret, codes)
    }

    func code(_ secret: [UInt8], steps: Int64 = 0) -> String {
        let totp = TOTP(secret: secret)
        return totp.code(forStep: totp.step(at: Date()) + steps)
    }

    @Test func settingUpAsksForACodeThenShowsTenRecoveryCodesOnce() async throws {
        try await withRoundtable { app in
            let user = try await app.addUser("amra@ico.example", role: .officer)
            let browser = Browser(app)
            let (_, codes) = try await setUp(browser, email: "amra@ico.example")
            // only hashes are kept
            let stored = try await RecoveryCodeModel.query(on: app.db).filter(\.$userID == user.id).all()
            #expect(stored.count == 10)
            #expect(stored.allSatisfy { row in !codes.contains { row.codeHash.contains($0.replacingOccurrences(of: "-", with: "")) } })
            let account = try await browser.get("/account")
            #expect(account.text.contains("10 recovery codes"))
            #expect(!account.text.contains(codes[0]))
            #expect(try await app.auditEntries(action: .twoFactorOn).count == 1)
            // set up again is not offered while it is on
            #expect(try await browser.get("/account/two-factor").location == "/account")
        }
    }

    @Test func signingInTakesTheCodeAfterThePasswordAndNeverTheSameCodeTwice() async throws {
        try await withRoundtable { app in
            try await app.addUser("amra@ico.example", role: .officer)
            let (secret, _) = try await setUp(Browser(app), email: "amra@ico.example")
            let browser = Browser(app)
            let password = try await browser.signIn("amra@ico.example")
            #expect(password.status == .seeOther)
            #expect(password.location == "/sign-in/code")
            // the password alone opens nothing
            #expect(browser.session == nil)
            #expect(try await browser.get("/account").location?.hasPrefix("/sign-in") == true)
            let page = try await browser.get("/sign-in/code")
            #expect(page.status == .ok)
            #expect(page.text.contains(#"autocomplete="one-time-code""#))
            // the code typed when setting up was used: it is refused now
            let used = try #require(try await TwoFactorModel.query(on: app.db).first()?.lastStep)
            let totp = TOTP(secret: secret)
            let replay = try await browser.post("/sign-in/code", form: ["code": totp.code(forStep: used)])
            #expect(replay.status == .unauthorized)
            #expect(browser.session == nil)
            let next = try await browser.post("/sign-in/code", form: ["code": totp.code(forStep: used + 1)])
            #expect(next.status == .seeOther)
            #expect(next.location == "/")
            #expect(browser.session != nil)
            #expect(try await browser.get("/account").status == .ok)
            // and that code cannot sign in a second browser
            let other = Browser(app)
            try await other.signIn("amra@ico.example")
            #expect(try await other.post("/sign-in/code", form: ["code": totp.code(forStep: used + 1)]).status == .unauthorized)
            #expect(other.session == nil)
        }
    }

    @Test func aRecoveryCodeWorksOnce() async throws {
        try await withRoundtable { app in
            try await app.addUser("amra@ico.example", role: .officer)
            let (_, codes) = try await setUp(Browser(app), email: "amra@ico.example")
            let first = Browser(app)
            try await first.signIn("amra@ico.example")
            let used = try await first.post("/sign-in/code", form: ["code": codes[3].uppercased()])
            #expect(used.status == .seeOther)
            #expect(first.session != nil)
            #expect(try await app.auditEntries(action: .recoveryCodeUsed).count == 1)
            #expect(try await first.get("/account").text.contains("9 recovery codes"))
            let second = Browser(app)
            try await second.signIn("amra@ico.example")
            #expect(try await second.post("/sign-in/code", form: ["code": codes[3]]).status == .unauthorized)
            #expect(second.session == nil)
        }
    }

    @Test func wrongCodesAreThrottledLikePasswords() async throws {
        try await withRoundtable { app in
            try await app.addUser("amra@ico.example", role: .officer)
            let (secret, _) = try await setUp(Browser(app), email: "amra@ico.example")
            let browser = Browser(app)
            try await browser.signIn("amra@ico.example")
            let right = code(secret, steps: 1)
            let wrong = right == "123456" ? "654321" : "123456"
            // the wrong code typed while setting it up counted already: one fewer here
            for _ in 1..<SignInThrottle.perAccount.threshold {
                #expect(try await browser.post("/sign-in/code", form: ["code": wrong]).status == .unauthorized)
            }
            let refused = try await browser.post("/sign-in/code", form: ["code": right])
            #expect(refused.status == .tooManyRequests)
            #expect(browser.session == nil)
            #expect(try await app.auditEntries(action: .signInFailed).count == SignInThrottle.perAccount.threshold)
            #expect(try await app.auditEntries(action: .signInRefused).count == 1)
        }
    }

    /// A session left open must not let someone guess the set-up code, or the password that turns it off,
    /// faster than the sign-in page allows: the same rule and the same count.
    @Test func confirmingTheSetUpCodeAndTurningItOffAreThrottledLikeSignIn() async throws {
        try await withRoundtable { app in
            try await app.addUser("amra@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("amra@ico.example")
            let page = try await browser.get("/account/two-factor")
            let typed = try #require(page.text.firstMatch(of: /id="two-factor-secret">([A-Z2-7 ]+)</)?.output.1)
            let secret = try #require(Base32.decode(String(typed)))
            let right = code(secret)
            let wrong = right == "123456" ? "654321" : "123456"
            for _ in 0..<SignInThrottle.perAccount.threshold {
                #expect(try await browser.post("/account/two-factor/confirm", form: ["code": wrong]).status == .unprocessableEntity)
            }
            // the next code is refused even when right, at the field, and two-factor sign-in stays off
            let refused = try await browser.post("/account/two-factor/confirm", form: ["code": right])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("f-code-error"))
            #expect(refused.text.contains("signing in is paused until"))
            #expect(try await TwoFactorModel.query(on: app.db).first()?.isEnabled == false)
            #expect(try await app.auditEntries(action: .signInFailed).count == SignInThrottle.perAccount.threshold)
            #expect(try await app.auditEntries(action: .signInRefused).count == 1)
            // and the sign-in page counts the same failures: the account is paused there too
            #expect(try await Browser(app).signIn("amra@ico.example").status == .tooManyRequests)
        }
        try await withRoundtable { app in
            try await app.addUser("amra@ico.example", role: .officer)
            let browser = Browser(app)
            _ = try await setUp(browser, email: "amra@ico.example")
            // the wrong code typed while setting up counted once already
            for _ in 1..<SignInThrottle.perAccount.threshold {
                #expect(try await browser.post("/account/two-factor/off", form: ["password": "not my password"]).status == .unprocessableEntity)
            }
            let refused = try await browser.post("/account/two-factor/off", form: ["password": "correct horse battery"])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.text.contains("f-two-factor-password-error"))
            #expect(try await app.auditEntries(action: .twoFactorOff).isEmpty)
            #expect(try await TwoFactorModel.query(on: app.db).first()?.isEnabled == true)
        }
    }

    @Test func anExpiredOrMissingSecondStepStartsOver() async throws {
        try await withRoundtable { app in
            try await app.addUser("amra@ico.example", role: .officer)
            let browser = Browser(app)
            #expect(try await browser.get("/sign-in/code").location == "/sign-in")
            let posted = try await browser.post("/sign-in/code", form: ["code": "123456"])
            #expect(posted.location == "/sign-in")
            #expect(browser.session == nil)
            // without two-factor sign-in the password is enough, as before
            let signedIn = try await browser.signIn("amra@ico.example")
            #expect(signedIn.location == "/")
            #expect(browser.session != nil)
        }
    }

    @Test func turningItOffTakesThePassword() async throws {
        try await withRoundtable { app in
            try await app.addUser("amra@ico.example", role: .officer)
            let browser = Browser(app)
            _ = try await setUp(browser, email: "amra@ico.example")
            let wrong = try await browser.post("/account/two-factor/off", form: ["password": "not my password"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("f-two-factor-password-error") || wrong.text.contains("f-password-error"))
            let off = try await browser.post("/account/two-factor/off", form: ["password": "correct horse battery"])
            #expect(off.location == "/account")
            #expect(try await app.auditEntries(action: .twoFactorOff).count == 1)
            #expect(try await Browser(app).signIn("amra@ico.example").location == "/")
        }
    }

    @Test func anAdministratorResetsItAndTheTrailSaysWho() async throws {
        try await withRoundtable { app in
            let amra = try await app.addUser("amra@ico.example", role: .officer)
            try await app.addUser("admin@ico.example", role: .admin)
            let amraSession = Browser(app)
            _ = try await setUp(amraSession, email: "amra@ico.example")
            #expect(try await amraSession.get("/account").status == .ok)
            let amraToken = try await app.token(for: "amra@ico.example")
            let admin = Browser(app)
            try await admin.signIn("admin@ico.example")
            let page = try await admin.get("/users/\(amra.id.path)")
            #expect(page.text.contains("/users/\(amra.id.path)/two-factor/reset"))
            let reset = try await admin.post("/users/\(amra.id.path)/two-factor/reset")
            #expect(reset.location == "/users/\(amra.id.path)")
            let entries = try await app.auditEntries(action: .twoFactorReset)
            #expect(entries.count == 1)
            #expect(entries.first?.actor == "admin@ico.example")
            #expect(entries.first?.recordLabel == "amra@ico.example")
            // whoever held one of her sessions is signed out; her API token keeps working, as tokens do
            #expect(try await amraSession.get("/account").location?.hasPrefix("/sign-in") == true)
            #expect(try await UserSessionModel.query(on: app.db).filter(\.$user.$id == amra.id).count() == 0)
            let api = try await Browser(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(amraToken)"])
            #expect(api.status == .ok)
            #expect(try await Browser(app).signIn("amra@ico.example").location == "/")
            // others may not
            let officer = Browser(app)
            try await app.addUser("field@ico.example", role: .officer)
            try await officer.signIn("field@ico.example")
            #expect(try await officer.post("/users/\(amra.id.path)/two-factor/reset").status == .forbidden)
        }
    }

    @Test func whenTheSiteRequiresItAdministratorsAndCoordinatorsSetItUpFirst() async throws {
        try await withRoundtable { app in
            try await app.addUser("admin@ico.example", role: .admin)
            try await app.addUser("kubra@ico.example", role: .coordinator)
            try await app.addUser("field@ico.example", role: .officer)
            let admin = Browser(app)
            try await admin.signIn("admin@ico.example")
            let saved = try await admin.post("/settings", form: ["defaultLanguage": "", "requireTwoFactor": "1"])
            #expect(saved.status == .seeOther)
            #expect(try await SiteSettings(database: app.db).requiresTwoFactor())
            let change = try #require(try await app.auditEntries(action: .update).first { $0.recordType == "settings" }?.changes.first)
            #expect(change == FieldChange(field: "requireTwoFactor", from: "no", to: "yes"))
            #expect(HistoryWords.value("yes", recordType: "settings", field: "requireTwoFactor", text: Localizer(.albanian)) == "Po")
            // the administrator who turned it on is sent to set it up too
            #expect(try await admin.get("/").location == "/account/two-factor")
            let coordinator = Browser(app)
            let signedIn = try await coordinator.signIn("kubra@ico.example")
            #expect(signedIn.location == "/account/two-factor")
            for path in ["/", "/people", "/account", "/search"] {
                #expect(try await coordinator.get(path).location == "/account/two-factor")
            }
            let page = try await coordinator.get("/account/two-factor")
            #expect(page.status == .ok)
            #expect(page.text.contains("requires two-factor sign-in"))
            // API tokens keep working
            let token = try await app.token(for: "kubra@ico.example")
            let api = try await Browser(app).get("/api/v1/me", headers: ["Authorization": "Bearer \(token)"])
            #expect(api.status == .ok)
            // officers are not asked
            let officer = Browser(app)
            #expect(try await officer.signIn("field@ico.example").location == "/")
            #expect(try await officer.get("/").status == .ok)
            // once it is on, everything opens
            let typed = try #require(page.text.firstMatch(of: /id="two-factor-secret">([A-Z2-7 ]+)</)?.output.1)
            let secret = try #require(Base32.decode(String(typed)))
            #expect(try await coordinator.post("/account/two-factor/confirm", form: ["code": code(secret)]).status == .ok)
            #expect(try await coordinator.get("/").status == .ok)
        }
    }
}
