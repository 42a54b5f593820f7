import Domain
@testable import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

/// Roundtable in the reader's language: the sign-in page's switch, the browser's Accept-Language, the
/// user's own choice on My account and through the API, the site's default, reports exported in a chosen
/// language, and problems the API answers in the reader's language.
@Suite("Languages: who reads what in which language")
struct LanguageTests {
    @Test func aBrowserAskingForAlbanianGetsTheSignInPageInAlbanian() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin)
            let page = try await Browser(app).get("/sign-in", headers: ["Accept-Language": "sq-XK,sq;q=0.9,en;q=0.5"])
            #expect(page.text.contains(#"<html lang="sq">"#))
            #expect(page.headers.first(name: .contentLanguage) == "sq")
            #expect(page.text.contains("Hyrja"))
            #expect(!page.text.contains("Sign in"))
            // The switch names every language in itself, and works without a script: plain links.
            for name in ["English", "Shqip", "Српски", "Srpski"] { #expect(page.text.contains(">\(name)</a>")) }
        }
    }

    @Test func theSwitchOnTheSignInPageIsRememberedUntilTheUserChoosesOnMyAccount() async throws {
        try await withRoundtable { app in
            try await app.addUser("jelena@ico.example", role: .officer, name: "Jelena Ilić")
            let browser = Browser(app)
            let switched = try await browser.get("/sign-in?lang=sr-Cyrl", headers: ["Accept-Language": "en"])
            #expect(switched.text.contains(#"<html lang="sr-Cyrl">"#) && switched.text.contains("Пријава"))
            #expect(browser.cookies[LanguageMiddleware.cookie] == "sr-Cyrl")
            try await browser.signIn("jelena@ico.example")
            let home = try await browser.get("/", headers: ["Accept-Language": "en"])
            #expect(home.text.contains(#"<html lang="sr-Cyrl">"#) && home.text.contains("Особе"))

            // Her own choice, on My account, wins over the switch and the browser, and is audited.
            let chosen = try await browser.post("/account/language", form: ["language": "sr-Latn"])
            #expect(chosen.status == .seeOther)
            let account = try await browser.get("/account", headers: ["Accept-Language": "sq"])
            #expect(account.text.contains(#"<html lang="sr-Latn">"#) && account.text.contains("Osobe"))
            #expect(!account.text.contains("Особе"))
            let entry = try #require(try await app.auditEntries(action: .update).first { $0.recordLabel == "jelena@ico.example" })
            #expect(entry.changes.contains(FieldChange(field: "language", from: nil, to: "sr-Latn")))

            // A language we do not speak is a mistake at the field, and nothing changes.
            let wrong = try await browser.post("/account/language", form: ["language": "klingon"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("f-language-error") || wrong.text.contains(#"class="error""#))
            #expect(try await UserLookup.byEmail("jelena@ico.example", on: app.db).language == .serbianLatin)
        }
    }

    @Test func theAPIShowsAndChangesTheUsersLanguageAndAnswersProblemsInIt() async throws {
        try await withRoundtable { app in
            try await app.addUser("arta@ico.example", role: .officer, name: "Arta Krasniqi")
            let token = try await app.token(for: "arta@ico.example")
            func send(_ method: HTTPMethod, _ path: String, _ body: String? = nil, language: String? = nil) async throws -> TestingHTTPResponse {
                var headers: HTTPHeaders = ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
                if let language { headers.add(name: .acceptLanguage, value: language) }
                return try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            let before = try await send(.GET, "/api/v1/me")
            #expect(!before.body.string.contains("\"language\""))
            // Until she chooses, her request's Accept-Language decides the problem's words.
            let serbian = try await send(.POST, "/api/v1/people", #"{"name": ""}"#, language: "sr-Cyrl")
            #expect(serbian.status == .unprocessableEntity)
            #expect(serbian.body.string.contains("Нека поља треба исправити."))
            let changed = try await send(.PATCH, "/api/v1/me", #"{"language": "sq"}"#)
            #expect(changed.status == .ok && changed.body.string.contains(#""language":"sq""#))
            let albanian = try await send(.POST, "/api/v1/people", #"{"name": ""}"#, language: "sr-Cyrl")
            #expect(albanian.body.string.contains("Disa fusha duhen kontrolluar."))
            #expect(albanian.headers.first(name: .contentLanguage) == "sq")
            let wrong = try await send(.PATCH, "/api/v1/me", #"{"language": "xx"}"#)
            #expect(wrong.status == .unprocessableEntity && wrong.body.string.contains(#""field":"language""#))
            let cleared = try await send(.PATCH, "/api/v1/me", #"{"language": null}"#)
            #expect(cleared.status == .ok && !cleared.body.string.contains("\"language\""))
        }
    }

    @Test func anAdministratorSetsTheSitesDefaultForEveryoneWhoHasNotChosen() async throws {
        try await withRoundtable { app in
            try await app.addUser("james@ico.example", role: .admin)
            let admin = Browser(app)
            try await admin.signIn("james@ico.example")
            #expect(try await admin.post("/settings", form: ["defaultLanguage": "sq"]).status == .seeOther)
            // A browser that asks for none of our languages reads the site's default.
            let page = try await Browser(app).get("/sign-in", headers: ["Accept-Language": "de-DE"])
            #expect(page.text.contains(#"<html lang="sq">"#))
            let wrong = try await admin.post("/settings", form: ["defaultLanguage": "de"])
            #expect(wrong.status == .unprocessableEntity)
            #expect(try await SiteSettings(database: app.db).defaultLanguage() == .albanian)
            let entry = try #require(try await app.auditEntries(action: .update).first { $0.recordType == "settings" })
            #expect(entry.changes == [FieldChange(field: "defaultLanguage", from: nil, to: "sq")])
        }
    }

    @Test func theServersDefaultLanguageIsCheckedAtStart() throws {
        #expect(try AppConfiguration.resolve(environment: ["ROUNDTABLE_LANGUAGE": "sr-Latn"]).language == .serbianLatin)
        #expect(throws: ConfigurationError.self) { try AppConfiguration.resolve(environment: ["ROUNDTABLE_LANGUAGE": "German"]) }
    }

    @Test func oneCoordinatorExportsTheSameVisitReportInAlbanianAndInSerbian() async throws {
        try await withRoundtable { app in
            try await app.addUser("kubra@ico.example", role: .coordinator)
            let coordinator = Browser(app)
            try await coordinator.signIn("kubra@ico.example")
            let visit = try await FieldVisits(database: app.db)
                .create(FieldVisitInput(title: "August 2023 visit", startsOn: "2023-08-07", endsOn: "2023-08-10"), by: .commandLine)
            let albanian = try await coordinator.get("/visits/\(visit.id.path)/report.md?language=sq")
            #expect(albanian.status == .ok)
            #expect(albanian.body.string.contains("7 gusht 2023 – 10 gusht 2023"))
            let serbian = try await coordinator.get("/visits/\(visit.id.path)/report.md?language=sr-Cyrl")
            #expect(serbian.body.string.contains("7. август 2023. – 10. август 2023."))
            let wrong = try await coordinator.get("/visits/\(visit.id.path)/report.md?language=xx")
            #expect(wrong.status == .unprocessableEntity)
            // The page offers the choice, the reader's own language first selected.
            let page = try await coordinator.get("/visits/\(visit.id.path)/report")
            #expect(page.text.contains(#"name="language""#) && page.text.contains(#"<option value="en" lang="en" selected>"#))
        }
    }
}
