import Domain
import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("CSRF, security headers, and bad input never reaching a 500")
struct SecurityTests {
    @Test func aFormWithoutTheTokenIsRefused() async throws {
        try await withRoundtable { app in
            try await app.addUser("admin@ico.example", role: .admin)
            let browser = Browser(app)
            try await browser.signIn("admin@ico.example")
            let forged = try await browser.post("/users", form: ["name": "Mallory", "email": "mallory@evil.example", "role": "admin"], csrf: "forged-token-forged-token-forged-token-forg")
            #expect(forged.status == .forbidden)
            #expect(forged.text.contains("This form expired or came from another site."))
            #expect(try await app.auditEntries(action: .create).count == 1)
        }
    }

    @Test func signInItselfNeedsTheToken() async throws {
        try await withRoundtable { app in
            try await app.addUser("admin@ico.example", role: .admin)
            let response = try await app.testing().sendRequest(
                .POST, "/sign-in", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "email=admin%40ico.example&password=correct%20horse%20battery")
            )
            #expect(response.status == .forbidden)
        }
    }

    /// A browser with no form token yet is given one by a page, not by a script, a stylesheet or a redirect.
    /// Several requests without the cookie at once (the sign-in page, and the offline worker fetching its
    /// files and pages after a new version) each made a token, the last answer's cookie replaced the one the
    /// sign-in form carried, and signing in failed with "This form expired".
    @Test func onlyAPageGivesABrowserItsFormToken() async throws {
        try await withRoundtable { app in
            try await app.addUser("arta@ico.example", role: .officer)
            let worker = Browser(app), page = Browser(app)
            func setsToken(_ response: TestingHTTPResponse) -> Bool {
                response.headers[.setCookie].contains { $0.hasPrefix(CSRFMiddleware.cookie + "=") }
            }
            #expect(try await !setsToken(worker.get("/static/offline.js")))
            #expect(try await !setsToken(worker.get("/static/app.css")))
            #expect(try await !setsToken(worker.get("/engagements/new")), "a redirect to sign in")
            #expect(try await setsToken(page.get("/sign-in")))
            // What the worker fetched meanwhile left the page's token alone: the sign-in goes through.
            #expect(try await page.signIn("arta@ico.example").status == .seeOther)
            #expect(page.session != nil)
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await withRoundtable { app in
            for path in ["/sign-in", "/setup", "/nowhere", "/api/v1/me", "/healthz"] {
                let response = try await app.testing().sendRequest(.GET, path)
                let csp = try #require(response.headers.first(name: "Content-Security-Policy"), "\(path)")
                #expect(csp.contains("frame-ancestors 'none'"))
                #expect(csp.contains("script-src 'self'"))
                #expect(!csp.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
            }
        }
    }

    @Test func typedMarkupIsShownAsTextInPagesAndFormFields() async throws {
        try await withRoundtable { app in
            _ = try await RegistryFixture.make(app)
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            let typed = "Ana \"><b>bold</b> & <i>co</i>"
            let created = try await browser.post("/people", form: ["name": typed, "lawfulBasis": "consent"])
            let location = try #require(created.location)
            let page = try await browser.get(location)
            #expect(page.text.contains("Ana \"&gt;&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;"))
            #expect(!page.text.contains("<b>bold</b>"))
            let form = try await browser.get(location + "/edit")
            // in an attribute the quote is escaped too, so the value cannot end early
            #expect(form.text.contains("value=\"Ana &quot;&gt;&lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;\""))
        }
    }

    @Test func pagesHaveNoInlineScriptOrStyle() async throws {
        try await withRoundtable { app in
            try await app.addUser("admin@ico.example", role: .admin)
            let browser = Browser(app)
            try await browser.signIn("admin@ico.example")
            for path in ["/", "/users", "/users/new", "/audit", "/account"] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.text.contains("<script>"), "\(path)")
                #expect(!page.text.contains("style="), "\(path)")
                #expect(!page.text.contains(" onclick="), "\(path)")
                #expect(page.text.hasPrefix("<!DOCTYPE html>"), "\(path)")
                #expect(page.text.contains("name=\"viewport\""), "\(path)")
                // every form that changes something carries the CSRF token
                let posts = page.text.matches(of: /<form method="post"[^>]*>/).count
                let tokens = page.text.matches(of: /<form method="post"[^>]*><input type="hidden" name="_csrf" value="[A-Za-z0-9_-]{43}">/).count
                #expect(posts > 0 && posts == tokens, "\(path): \(tokens) of \(posts) forms carry the token")
            }
        }
    }

    @Test func unknownPathsAndWrongMethodsAreProblemsNotCrashes() async throws {
        try await withRoundtable { app in
            let missing = try await app.testing().sendRequest(.GET, "/api/v1/nothing-here")
            #expect(missing.status == .notFound)
            #expect(missing.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            let wrongMethod = try await app.testing().sendRequest(.PUT, "/api/v1/me")
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers.first(name: "Allow") == "GET, PATCH")
        }
    }
}
