import Domain
import Features
import Foundation
import Testing
import VaporTesting
@testable import Web

@Suite("The JSON API: bearer tokens, problem documents, versions")
struct APITests {
    struct Problem: Decodable {
        struct Issue: Decodable { var field: String; var message: String; var code: String }
        var type: String
        var title: String
        var status: Int
        var errors: [Issue]?
    }

    func request(_ app: Application, _ method: HTTPMethod, _ path: String, token: String?, json: String? = nil, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = extra
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        if json != nil, headers.contentType == nil { headers.contentType = .json }
        return try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    @Test func withoutATokenTheAnswerIsAProblemDocument() async throws {
        try await withRoundtable { app in
            let response = try await request(app, .GET, "/api/v1/me", token: nil)
            #expect(response.status == .unauthorized)
            #expect(response.headers.first(name: .contentType) == "application/problem+json")
            #expect(response.headers.first(name: "WWW-Authenticate") == "Bearer")
            let problem = try JSONDecoder().decode(Problem.self, from: response.body)
            #expect(problem.status == 401)
            #expect(problem.title == "Sign in to continue.")
            let forged = try await request(app, .GET, "/api/v1/me", token: "rt_not-a-real-token")
            #expect(forged.status == .unauthorized)
        }
    }

    @Test func aTokenSpeaksForItsUserAndRecordsItsLastUse() async throws {
        try await withRoundtable { app in
            let arta = try await app.addUser("arta@ico.example", role: .officer, name: "Arta Krasniqi")
            let token = try await app.token(for: arta.email)
            let response = try await request(app, .GET, "/api/v1/me", token: token)
            #expect(response.status == .ok)
            let me = try JSONDecoder().decode([String: JSONValue].self, from: response.body)
            #expect(me["email"] == .string("arta@ico.example"))
            #expect(me["role"] == .string("officer"))
            let tokens = try await APITokens(database: app.db).list(forUserID: arta.id, by: .commandLine)
            #expect(tokens.first?.lastUsedAt != nil)
            // an officer may not manage users
            #expect(try await request(app, .GET, "/api/v1/users", token: token).status == .forbidden)
        }
    }

    @Test func invalidInputListsEveryField() async throws {
        try await withRoundtable { app in
            let token = try await app.token(for: app.addUser("james@ico.example", role: .admin).email)
            let response = try await request(app, .POST, "/api/v1/users", token: token, json: #"{"email":"nope","name":" ","role":"king","password":"short"}"#)
            #expect(response.status == .unprocessableEntity)
            let problem = try JSONDecoder().decode(Problem.self, from: response.body)
            #expect(Set(problem.errors?.map(\.field) ?? []) == ["email", "name", "role"])
            let password = try await request(app, .POST, "/api/v1/users", token: token, json: #"{"email":"kubra@ico.example","name":"Kübra","role":"coordinator","password":"short"}"#)
            #expect(try JSONDecoder().decode(Problem.self, from: password.body).errors?.map(\.field) == ["password"])
            let missing = try await request(app, .POST, "/api/v1/users", token: token, json: #"{"email":"kubra@ico.example"}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(try JSONDecoder().decode(Problem.self, from: missing.body).errors?.first?.field == "name")
        }
    }

    @Test func unreadableBodiesAreTheClientsMistake() async throws {
        try await withRoundtable { app in
            let token = try await app.token(for: app.addUser("james@ico.example", role: .admin).email)
            #expect(try await request(app, .POST, "/api/v1/users", token: token, json: "{not json").status == .badRequest)
            #expect(try await request(app, .POST, "/api/v1/users", token: token, json: "").status == .badRequest)
            #expect(try await request(app, .POST, "/api/v1/users", token: token, json: "[1,2]").status == .unprocessableEntity)
            #expect(try await request(app, .POST, "/api/v1/users", token: token, json: "x", headers: ["Content-Type": "text/plain"]).status == .unsupportedMediaType)
            #expect(try await request(app, .GET, "/api/v1/users/not-a-uuid", token: token).status == .notFound)
            #expect(try await request(app, .GET, "/api/v1/audit?page=0", token: token).status == .unprocessableEntity)
            #expect(try await request(app, .GET, "/api/v1/audit?from=yesterday", token: token).status == .unprocessableEntity)
            #expect(try await request(app, .GET, "/api/v1/audit?sort=AAA", token: token).status == .unprocessableEntity)
            #expect(try await request(app, .GET, "/api/v1/audit?sort=at", token: token).status == .ok)
        }
    }

    @Test func updatesMustStartFromTheCurrentVersion() async throws {
        try await withRoundtable { app in
            let token = try await app.token(for: app.addUser("james@ico.example", role: .admin).email)
            let arta = try await app.addUser("arta@ico.example", role: .officer, name: "Arta")
            let path = "/api/v1/users/\(arta.id.uuidString.lowercased())"
            let read = try await request(app, .GET, path, token: token)
            let etag = try #require(read.headers.first(name: .eTag))
            #expect(etag == "\"1\"")
            // no version at all
            #expect(try await request(app, .PATCH, path, token: token, json: #"{"name":"Arta Krasniqi"}"#).status == .preconditionRequired)
            // the current one
            let ok = try await request(app, .PATCH, path, token: token, json: #"{"name":"Arta Krasniqi"}"#, headers: ["If-Match": etag])
            #expect(ok.status == .ok)
            #expect(ok.headers.first(name: .eTag) == "\"2\"")
            // the same, now stale: refused, and nothing changes
            let stale = try await request(app, .PATCH, path, token: token, json: #"{"name":"Someone Else"}"#, headers: ["If-Match": etag])
            #expect(stale.status == .preconditionFailed)
            let staleBody = try await request(app, .PATCH, path, token: token, json: #"{"name":"Someone Else","version":1}"#)
            #expect(staleBody.status == .conflict)
            #expect(try await ListUsers(database: app.db).one(arta.id, by: .commandLine).name == "Arta Krasniqi")
        }
    }

    @Test func usersCanBeAddedDisabledAndTheirHistoryRead() async throws {
        try await withRoundtable { app in
            let token = try await app.token(for: app.addUser("james@ico.example", role: .admin).email)
            let created = try await request(app, .POST, "/api/v1/users", token: token, json: #"{"email":"Kubra@ICO.example","name":"Kübra Kalkandelen","role":"coordinator"}"#)
            #expect(created.status == .created)
            let body = try JSONDecoder().decode([String: JSONValue].self, from: created.body)
            guard case .object(let user) = body["user"], case .string(let id) = user["id"] else { Issue.record("no user"); return }
            #expect(user["email"] == .string("kubra@ico.example"))
            guard case .string(let generated) = body["generatedPassword"] else { Issue.record("no password"); return }
            #expect(generated.count >= 12)
            // The address names the user exactly as the body's `id` does: a client holding both holds one name.
            #expect(created.headers.first(name: .location) == "/api/v1/users/\(id)")
            let duplicate = try await request(app, .POST, "/api/v1/users", token: token, json: #"{"email":"kubra@ico.example","name":"K","role":"viewer"}"#)
            #expect(duplicate.status == .conflict)
            #expect(try JSONDecoder().decode(Problem.self, from: duplicate.body).errors?.first?.field == "email")
            let disabled = try await request(app, .PATCH, "/api/v1/users/\(id)", token: token, json: #"{"disabled":true,"version":1}"#)
            #expect(disabled.status == .ok)
            let history = try await request(app, .GET, "/api/v1/users/\(id)/history", token: token)
            #expect(history.body.string.contains("user_disable"))
            #expect(history.body.string.contains("\"create\""))
        }
    }

    @Test func tokensAreCreatedListedAndRevoked() async throws {
        try await withRoundtable { app in
            let token = try await app.token(for: app.addUser("arta@ico.example", role: .viewer).email)
            let created = try await request(app, .POST, "/api/v1/tokens", token: token, json: #"{"label":"reporting script"}"#)
            #expect(created.status == .created)
            struct Created: Decodable { struct Token: Decodable { var id: UUID; var label: String }; var token: Token; var secret: String }
            let new = try JSONDecoder().decode(Created.self, from: created.body)
            #expect(new.secret.hasPrefix("rt_"))
            #expect(try await request(app, .GET, "/api/v1/me", token: new.secret).status == .ok)
            let list = try await request(app, .GET, "/api/v1/tokens", token: token)
            #expect(list.body.string.contains("reporting script"))
            #expect(!list.body.string.contains(new.secret))
            #expect(try await request(app, .DELETE, "/api/v1/tokens/\(new.token.id.uuidString)", token: token).status == .noContent)
            #expect(try await request(app, .GET, "/api/v1/me", token: new.secret).status == .unauthorized)
            #expect(try await app.auditEntries(action: .tokenRevoke).count == 1)
            // nobody else's token can be revoked by a non-administrator
            let other = try await app.addUser("milos@ico.example", role: .viewer)
            let theirs = try await APITokens(database: app.db).create(forUserID: other.id, label: "theirs", by: .commandLine)
            #expect(try await request(app, .DELETE, "/api/v1/tokens/\(theirs.token.id.uuidString)", token: token).status == .notFound)
        }
    }

    @Test func theAuditTrailIsFilteredAndPaged() async throws {
        try await withRoundtable { app in
            let token = try await app.token(for: app.addUser("james@ico.example", role: .admin).email)
            for index in 0..<3 { try await app.addUser("user\(index)@ico.example", role: .viewer) }
            let response = try await request(app, .GET, "/api/v1/audit?action=create&actor=cli", token: token)
            #expect(response.status == .ok)
            struct Page: Decodable { var items: [AuditLog.Entry]; var page: Int; var hasMore: Bool }
            let page = try JSONDecoder.iso.decode(Page.self, from: response.body)
            #expect(page.items.count == 4)
            #expect(page.items.allSatisfy { $0.action == "create" && $0.actor == "cli" })
            #expect(page.hasMore == false)
        }
    }

    @Test func aSessionNeedsTheCSRFHeaderForAPIWrites() async throws {
        try await withRoundtable { app in
            try await app.addUser("arta@ico.example", role: .officer)
            let browser = Browser(app)
            try await browser.signIn("arta@ico.example")
            #expect(try await browser.get("/api/v1/me").status == .ok)
            let without = try await browser.send(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json"], body: "{}")
            #expect(without.status == .forbidden)
            let with = try await browser.send(.POST, "/api/v1/tokens", headers: ["Content-Type": "application/json", "X-CSRF-Token": browser.csrf!], body: "{}")
            #expect(with.status == .created)
        }
    }
}

/// Enough of JSON to look at responses without declaring every shape.
enum JSONValue: Decodable, Equatable {
    case string(String), number(Double), bool(Bool), object([String: JSONValue]), array([JSONValue]), null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }
}

extension JSONDecoder {
    static var iso: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}
