import FluentKit
@testable import Features
import Foundation
import SQLKit
@testable import Storage
import Testing

/// The reads every request makes (the session behind a cookie, the user behind a token) are written once, with
/// numbered values, and answer alike on SQLite and on PostgreSQL, where they are prepared once per connection.
@Suite("Fixed queries")
struct FixedQueryTests {
    enum ValuesOutOfOrder: FixedQuery {
        static let name = "test_values_out_of_order"
        static let sql = "SELECT {2} AS second, {1} AS first, {2} AS again"
    }

    @Test func theValuesGoWhereTheirNumbersSayOnEitherDatabase() async throws {
        #expect(ValuesOutOfOrder.postgresSQL == "SELECT $2 AS second, $1 AS first, $2 AS again")
        try await withDatabase { db in
            // Run more than five times: PostgreSQL switches a prepared statement to a kept plan after five.
            for round in 1 ... 7 {
                let rows = try await ValuesOutOfOrder.rows(binding: [.text("one \(round)"), .text("two's \(round)")], on: db)
                #expect(rows.count == 1)
                #expect(try rows.first?.decode(column: "first", as: String.self) == "one \(round)")
                #expect(try rows.first?.decode(column: "second", as: String.self) == "two's \(round)")
                #expect(try rows.first?.decode(column: "again", as: String.self) == "two's \(round)")
            }
        }
    }

    enum UserByID: FixedQuery {
        static let name = "test_user_by_id"
        static let sql = #"SELECT "email" FROM "users" WHERE "id" = {1} AND "name" = {2}"#
    }

    @Test func anIdentityIsBoundAsTheDatabaseKeepsIt() async throws {
        try await withDatabase { db in
            let drita = UserModel(email: "drita@ico.example", name: "Drita Gashi", role: .officer, passwordHash: "-", now: Date())
            try await drita.create(on: db)
            for _ in 1 ... 7 {
                let rows = try await UserByID.rows(binding: [.id(drita.id!), .text("Drita Gashi")], on: db)
                #expect(try rows.map { try $0.decode(column: "email", as: String.self) } == ["drita@ico.example"])
            }
            #expect(try await UserByID.rows(binding: [.id(UUID()), .text("Drita Gashi")], on: db).isEmpty)
        }
    }

    @Test func onlyANumberInBracesIsAValue() {
        let text = FixedQueryText("SELECT '{a}', {12}, '{}', {0}, '{1' || {3}")
        #expect(text.pieces == ["SELECT '{a}', ", ", '{}', {0}, '{1' || ", ""])
        #expect(text.values == [11, 2])
        #expect(FixedQueryText("SELECT 1").pieces == ["SELECT 1"])
        #expect(FixedQueryText("SELECT 1").values.isEmpty)
        #expect(FixedQueryText("SELECT '{99999999999999999999999}', {10000}").values.isEmpty, "no overflow; too many to be a value")
        #expect(FixedQueryText("SELECT 'Krasniqi – Ђорђевић', {1}").pieces == ["SELECT 'Krasniqi – Ђорђевић', ", ""])
    }

    @Test func aRevokedTokenAndADisabledUserSpeakForNoOne() async throws {
        try await withDatabase { db in
            let drita = UserModel(email: "drita@ico.example", name: "Drita Gashi", role: .officer, passwordHash: "-", now: Date())
            try await drita.create(on: db)
            let owner = Actor(kind: .user(id: drita.id!, role: .officer), label: drita.email)
            let tokens = APITokens(database: db)
            let kept = try await tokens.create(forUserID: drita.id!, label: "phone", by: owner)
            let revoked = try await tokens.create(forUserID: drita.id!, label: "laptop", by: owner)
            try await tokens.revoke(id: revoked.token.id, by: owner)

            for _ in 1 ... 6 { #expect(try await tokens.authenticate(secret: kept.secret)?.email == "drita@ico.example") }
            #expect(try await tokens.authenticate(secret: revoked.secret) == nil)
            #expect(try await tokens.authenticate(secret: APITokens.prefix + "not-a-token") == nil)
            #expect(try await tokens.list(forUserID: drita.id!, by: owner).first { $0.label == "phone" }?.lastUsedAt != nil,
                    "the token's last use is recorded")

            drita.disabledAt = Date()
            try await drita.update(on: db)
            #expect(try await tokens.authenticate(secret: kept.secret) == nil, "a disabled user's token speaks for no one")
        }
    }
}
